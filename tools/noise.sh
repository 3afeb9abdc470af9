#!/usr/bin/env bash
# make noise: how repeatable is one measurement? Profiles a fixed sample of the corpus (8 programs
# per language, every size) NOISE_REPEATS times into separate stores, then reports per language
# the median of |run / geometric mean of its other repeats - 1| for peak memory, CPU time and wall
# time (the error a perfect model would still show on a run measured in the same session), and
# the same for the checked-in dataset against today's repeats (another day's host). The report
# goes to stdout and to data/noise.md (checked in). Needs root, a JDK and about 8 minutes;
# NOISE_REPORT_ONLY=1 reports again from the stores of the last run.
set -euo pipefail
B=${1:-build}
cd "$(dirname "$0")/.."
DIR=${NOISE_DIR:-/var/tmp/presize/noise}
REPEATS=${NOISE_REPEATS:-3}
# 8 programs per language, drawn once at random (seed 7) from the manifest and kept fixed
ONLY=c_string_wordfreq_stdin,c_net_blob_pthreads,c_graph_dijkstra_heap,c_regex_stdin_grep,\
c_image_downscale_box,c_sort_numbers_stdin,c_sort_heap_inplace,c_mt_pthread_mutex_queue,\
java_RecPermutations,java_SearchTreeMapRange,java_HashCrc32Adler,java_AllocLinkedListChurn,\
java_SortMergeGeneric,java_ImageConvolveIntArray,java_MatrixMulDouble2D,java_SortNumbersStdin,\
js_search_binary_typed,js_hash_murmur_imul,js_hash_crypto_sha256,js_sort_objects_multikey,\
js_dp_grid_paths_memo,js_dp_lis_stdin,js_json_stdin_stats,js_compress_gzip_stdin,\
py_sort_numbers_stdin,py_fileio_csv_box,py_image_box_blur,py_search_set_dict,\
py_dp_edit_distance,py_rec_fib_naive,py_fileio_chunks_copy,py_image_gray_hist_stdin

mkdir -p "$DIR"
if [ -z "${NOISE_REPORT_ONLY:-}" ]; then
  for k in $(seq 1 "$REPEATS"); do
    rm -f "$DIR/r$k.db" "$DIR/r$k.db-wal" "$DIR/r$k.db-shm"
    "$B/presize" profile --db "$DIR/r$k.db" --only "$ONLY" corpus/
  done
  rm -f "$DIR/ref.db" "$DIR/ref.db-wal" "$DIR/ref.db-shm"
  "$B/presize" runs import data/runs.jsonl --db "$DIR/ref.db" >/dev/null
fi

# One table of every repeat's run, then each run against the geometric mean of its other repeats.
attach="" union=""
for k in $(seq 1 "$REPEATS"); do
  attach+="attach '$DIR/r$k.db' as r$k; "
  union+="${union:+ union all }select $k as k, program, size, language, peak_memory_bytes as mem, cpu_ns as cpu, wall_ns as wall from r$k.runs where outcome = 'ok'"
done
sql() {
  sqlite3 -cmd "$attach attach '$DIR/ref.db' as ref;" :memory: "$1"
}
median_sql() { # $1: a query of (language, metric, e); prints language|metric|median|n
  cat <<EOF
with e as ($1),
     a as (select language, metric, e from e union all select 'all', metric, e from e),
     r as (select language, metric, e,
                  row_number() over (partition by language, metric order by e) as rn,
                  count(*) over (partition by language, metric) as n from a)
select language, metric, printf('%.1f%%', 100 * avg(e)), max(n) from r
 where rn in ((n + 1) / 2, (n + 2) / 2) group by language, metric
 order by language = 'all', language, metric;
EOF
}
runs="with runs as ($union),
  g as (select program, size, count(*) as n, sum(ln(mem)) as lm, sum(ln(cpu)) as lc,
               sum(ln(wall)) as lw from runs group by program, size having n >= 2)"
# per metric (name, column in the repeats, column in the dataset, sum of its logs in g): each
# run against its other repeats (within) and the dataset's run against all of them (across)
within="$runs" across="$runs" sep=""
for m in memory:mem:peak_memory_bytes:lm cpu:cpu:cpu_ns:lc wall:wall:wall_ns:lw; do
  IFS=: read -r name col ref sum <<<"$m"
  within+="$sep select language, '$name' as metric, abs($col / exp(($sum - ln($col)) / (n - 1)) - 1) as e
    from runs join g using (program, size)"
  across+="$sep select d.language, '$name' as metric, abs(d.$ref / exp($sum / n) - 1) as e
    from ref.runs d join g using (program, size)"
  sep=" union all"
done
# the signed drift: the median ratio of the dataset's run to today's
drift="$runs,
  d as (select d.language, d.cpu_ns / exp(lc / n) as x from ref.runs d join g using (program, size)),
  r as (select language, x, row_number() over (partition by language order by x) as rn,
               count(*) over (partition by language) as n from d)
  select language, printf('%.2f', avg(x)) from r where rn in ((n + 1) / 2, (n + 2) / 2)
   group by language order by language;"

table() { # $1: query; prints a markdown table language x metric
  sql "$(median_sql "$1")" | awk -F'|' '
    { v[$1 "," $2] = $3; n[$1] = $4; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    END { print "| language | runs | peak memory | CPU time | wall time |"
          print "|---|---|---|---|---|"
          for (i = 1; i <= k; i++) { l = order[i]
            printf "| %s | %s | %s | %s | %s |\n", l, n[l], v[l ",memory"], v[l ",cpu"], v[l ",wall"] } }'
}

{
  echo "# Measurement noise ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r). \`make noise\`: 32 programs of the corpus (8 per language)"
  echo "at every size, profiled $REPEATS times in a row by \`presize profile\` into separate stores."
  echo
  echo "**Within one session**: median of |run / geometric mean of its other repeats − 1|, what a"
  echo "model that knew each run's expected usage exactly would still score as MdAPE:"
  echo
  table "$within"
  echo
  echo "**Across days**: the checked-in dataset (data/runs.jsonl) against the geometric mean of"
  echo "today's repeats of the same (program, size):"
  echo
  table "$across"
  echo
  echo "Median ratio of the dataset's CPU time to today's, per language (above 1: the host ran"
  echo "slower when the dataset was measured): $(sql "$drift" | tr '|' ' ' | paste -sd, - | sed 's/,/, /g')."
} | tee data/noise.md
