/* Compare presize's CCN, NLOC and parameter counts with lizard's, function by function, matched
 * by (file, start line), over a lizard CSV (../shared/data/lizard_reference.csv: file, function,
 * start_line, end_line, ccn, nloc, params, tokens).
 *
 *   lizard_compare [-v] [--min-ccn PCT] CSV
 *
 * Prints the agreement per metric; -v lists every disagreement. Exit 1 when exact CCN agreement
 * (over all of lizard's functions) is below --min-ccn (default 95), 77 (skip) when the CSV or the
 * files it names are missing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"
#include "util/cleanup.h"

struct row {
        char *file, *name;
        unsigned start, end, ccn, nloc, params;
};

/* Split one CSV line (lizard quotes fields with commas) into at most n fields, in place. */
static int split_csv(char *line, char **f, int n)
{
        int k = 0;
        char *p = line;
        while (k < n) {
                if (*p == '"') {
                        char *out = ++p;
                        f[k++] = out;
                        while (*p && !(*p == '"' && p[1] != '"')) {
                                if (*p == '"')
                                        p++;
                                *out++ = *p++;
                        }
                        if (*p == '"')
                                p++;
                        *out = '\0';
                        if (*p == ',')
                                p++;
                        else
                                break;
                } else {
                        f[k++] = p;
                        char *c = strchr(p, ',');
                        if (!c)
                                break;
                        *c = '\0';
                        p = c + 1;
                }
        }
        return k;
}

int main(int argc, char **argv)
{
        bool verbose = false;
        double min_ccn = 95.0;
        const char *csv = NULL;
        for (int i = 1; i < argc; i++) {
                if (strcmp(argv[i], "-v") == 0)
                        verbose = true;
                else if (strcmp(argv[i], "--min-ccn") == 0 && i + 1 < argc)
                        min_ccn = atof(argv[++i]);
                else
                        csv = argv[i];
        }
        if (!csv) {
                fprintf(stderr, "usage: lizard_compare [-v] [--min-ccn PCT] CSV\n");
                return 2;
        }
        _cleanup_fclose_ FILE *f = fopen(csv, "re");
        if (!f) {
                fprintf(stderr, "lizard_compare: %s: %s (skipping)\n", csv, strerror(errno));
                return 77;
        }
        struct row *rows = NULL;
        size_t n = 0, cap = 0;
        _cleanup_free_ char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        bool header = true;
        while ((len = getline(&line, &lcap, f)) > 0) {
                if (line[len - 1] == '\n')
                        line[--len] = '\0';
                if (header) {
                        header = false;
                        continue;
                }
                char *fl[8];
                if (split_csv(line, fl, 8) < 7)
                        continue;
                if (n == cap) {
                        cap = cap ? cap * 2 : 1024;
                        struct row *nr = reallocarray(rows, cap, sizeof(*nr));
                        if (!nr)
                                return 1;
                        rows = nr;
                }
                rows[n++] = (struct row){strdup(fl[0]),         strdup(fl[1]),
                                         (unsigned)atoi(fl[2]), (unsigned)atoi(fl[3]),
                                         (unsigned)atoi(fl[4]), (unsigned)atoi(fl[5]),
                                         (unsigned)atoi(fl[6])};
        }
        if (n == 0 || access(rows[0].file, R_OK) != 0) {
                fprintf(stderr, "lizard_compare: no rows, or %s unreadable (skipping)\n",
                        n ? rows[0].file : csv);
                return 77;
        }
        const struct lang *py = lang_by_name("python");
        struct analyzer *az;
        if (analyzer_new(NULL, &az) < 0)
                return 1;
        size_t matched = 0, ccn_ok = 0, nloc_ok = 0, params_ok = 0, failed_files = 0, files = 0;
        size_t presize_funcs = 0;
        for (size_t i = 0; i < n;) {
                size_t j = i;
                while (j < n && strcmp(rows[j].file, rows[i].file) == 0)
                        j++;
                files++;
                struct analysis a;
                int e = analyze_file(az, rows[i].file, py, &a);
                if (e < 0) {
                        fprintf(stderr, "%s: %s\n", rows[i].file, analyze_strerror(e));
                        failed_files++;
                        i = j;
                        continue;
                }
                presize_funcs += a.n_funcs;
                for (size_t k = i; k < j; k++) {
                        const struct row *r = &rows[k];
                        const struct func_metrics *m = NULL;
                        for (size_t q = 0; q < a.n_funcs && !m; q++)
                                if (a.funcs[q].start_line == r->start)
                                        m = &a.funcs[q];
                        if (!m) {
                                if (verbose)
                                        printf("missing %s:%u %s\n", r->file, r->start, r->name);
                                continue;
                        }
                        matched++;
                        ccn_ok += m->ccn == r->ccn;
                        nloc_ok += m->nloc == r->nloc;
                        params_ok += m->params == r->params;
                        if (verbose &&
                            (m->ccn != r->ccn || m->nloc != r->nloc || m->params != r->params))
                                printf("differ %s:%u %s ccn %u/%u nloc %u/%u params %u/%u "
                                       "(lizard/presize)\n",
                                       r->file, r->start, r->name, r->ccn, m->ccn, r->nloc, m->nloc,
                                       r->params, m->params);
                }
                analysis_free(&a);
                i = j;
        }
        analyzer_free(az);
        double pc = 100.0 * (double)ccn_ok / (double)n;
        printf("lizard functions: %zu in %zu files; presize found %zu functions; matched by "
               "(file, start line): %zu (%.2f%%)\n",
               n, files, presize_funcs, matched, 100.0 * (double)matched / (double)n);
        printf("exact agreement over all lizard functions: CCN %.2f%%, NLOC %.2f%%, params "
               "%.2f%%\n",
               pc, 100.0 * (double)nloc_ok / (double)n, 100.0 * (double)params_ok / (double)n);
        for (size_t i = 0; i < n; i++) {
                free(rows[i].file);
                free(rows[i].name);
        }
        free(rows);
        if (failed_files)
                printf("files that failed: %zu\n", failed_files);
        if (pc < min_ccn) {
                printf("FAIL: CCN agreement %.2f%% < %.2f%%\n", pc, min_ccn);
                return 1;
        }
        return 0;
}
