/* One file's analysis as a JSON object (a line of `presize analyze --json`). */
#include <jansson.h>

#include "analyze/analyze.h"
#include "analyze/lang.h"

static json_t *func_json(const struct func_metrics *f)
{
        return json_pack("{s:s, s:i, s:i, s:i, s:i, s:i, s:b, s:b, s:b, s:i, s:i, s:i}", "name",
                         f->name, "start_line", (json_int_t)f->start_line, "end_line",
                         (json_int_t)f->end_line, "ccn", (json_int_t)f->ccn, "cognitive",
                         (json_int_t)f->cognitive, "max_loop_depth", (json_int_t)f->max_loop_depth,
                         "recursive", f->recursive_direct || f->recursive_mutual,
                         "recursive_direct", f->recursive_direct, "recursive_mutual",
                         f->recursive_mutual, "nloc", (json_int_t)f->nloc, "params",
                         (json_int_t)f->params, "loops", (json_int_t)f->loops);
}

static int set_new(json_t *o, const char *k, json_t *v)
{
        return v ? json_object_set_new(o, k, v) : -1;
}

struct json_t *analysis_to_json(const struct analysis *r, const char *path)
{
        const struct features *f = &r->f;
        json_t *o = json_object();
        json_t *funcs = json_array();
        json_t *imports = json_array();
        json_t *ext = json_object();
        json_t *hints = json_object();
        json_t *loops = json_object();
        json_t *data = json_object();
        json_t *feat = json_object();
        json_t *vec = json_array();
        int bad = !o || !funcs || !imports || !ext || !hints || !loops || !data || !feat || !vec;
        for (size_t i = 0; !bad && i < r->n_funcs; i++)
                bad |= json_array_append_new(funcs, func_json(&r->funcs[i])) < 0;
        for (size_t i = 0; !bad && i < r->n_imports; i++)
                bad |= json_array_append_new(imports, json_string(r->imports[i])) < 0;
        uint32_t in_loop = 0;
        for (int i = 0; !bad && i < EXT__COUNT; i++) {
                bad |= set_new(ext, ext_kind_names[i], json_integer(f->ext_calls[i])) < 0;
                in_loop += f->ext_calls_in_loop[i];
        }
        bad |= !bad && set_new(ext, "in_loop", json_integer(in_loop)) < 0;
        for (int i = 0; !bad && i < HINT__COUNT; i++)
                bad |= set_new(hints, hint_kind_names[i], json_integer(f->hints[i])) < 0;
        bad |= !bad && set_new(loops, "count", json_integer(f->loops)) < 0;
        for (int i = 0; !bad && i < BOUND__COUNT; i++)
                bad |= set_new(loops, loop_bound_names[i], json_integer(f->loop_bound[i])) < 0;
        if (!bad)
                bad |=
                    json_object_set_new(data, "allocs", json_integer(f->allocs)) < 0 ||
                    json_object_set_new(data, "allocs_known_size",
                                        json_integer(f->allocs_known_size)) < 0 ||
                    json_object_set_new(data, "max_alloc_size", json_real(f->max_alloc_size)) < 0 ||
                    json_object_set_new(data, "collection_literals",
                                        json_integer(f->collection_literals)) < 0 ||
                    json_object_set_new(data, "max_literal_elems",
                                        json_integer(f->max_literal_elems)) < 0 ||
                    json_object_set_new(data, "growth_in_loop", json_integer(f->growth_in_loop)) <
                        0;
        double v[64];
        size_t n = features_len();
        bad |= n > 64 || features_flatten(f, v, n) < 0;
        for (size_t i = 0; !bad && i < n; i++)
                bad |= json_array_append_new(vec, json_real(v[i])) < 0;
        bad |= !bad && (set_new(feat, "version", json_integer(FEATURES_VERSION)) < 0 ||
                        json_object_set(feat, "vector", vec) < 0);
        if (!bad)
                bad |= set_new(o, "path", json_string(path)) < 0 ||
                       set_new(o, "language", json_string(r->lang->spec->name)) < 0 ||
                       set_new(o, "lines", json_integer(f->lines)) < 0 ||
                       set_new(o, "nloc", json_integer(f->nloc)) < 0 ||
                       set_new(o, "tokens", json_integer(f->tokens)) < 0 ||
                       json_object_set(o, "functions", funcs) < 0 ||
                       set_new(o, "max_ccn", json_integer(f->ccn_max)) < 0 ||
                       set_new(o, "max_cognitive", json_integer(f->cognitive_max)) < 0 ||
                       set_new(o, "max_loop_depth", json_integer(f->max_loop_depth)) < 0 ||
                       set_new(o, "recursion",
                               json_pack("{s:i, s:i, s:i}", "functions",
                                         (json_int_t)f->recursive_functions, "direct",
                                         (json_int_t)f->direct_recursion, "mutual",
                                         (json_int_t)f->mutual_recursion)) < 0 ||
                       json_object_set(o, "imports", imports) < 0 ||
                       json_object_set(o, "external_calls", ext) < 0 ||
                       json_object_set(o, "algorithm_hints", hints) < 0 ||
                       json_object_set(o, "loops", loops) < 0 ||
                       json_object_set(o, "data", data) < 0 ||
                       set_new(o, "parse_error_ratio", json_real(f->parse_error_ratio)) < 0 ||
                       json_object_set(o, "features", feat) < 0;
        json_decref(funcs);
        json_decref(imports);
        json_decref(ext);
        json_decref(hints);
        json_decref(loops);
        json_decref(data);
        json_decref(feat);
        json_decref(vec);
        if (bad) {
                json_decref(o);
                return NULL;
        }
        return o;
}
