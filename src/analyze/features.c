/* The feature vector: struct features flattened into doubles in a fixed order. The order and the
 * names below ARE the schema a trained model depends on: append only, and bump FEATURES_VERSION
 * (analyze.h) and docs/features.md with any change. */
#include <errno.h>
#include <stddef.h>

#include "analyze/analyze.h"
#include "util/cleanup.h"

const char *const features_schema[] = {
    "lines",
    "nloc",
    "tokens",
    "functions",
    "parse_error_ratio",
    "missing_nodes",
    "ccn_total",
    "ccn_max",
    "ccn_mean",
    "cognitive_total",
    "cognitive_max",
    "max_params",
    "loops",
    "max_loop_depth",
    "loops_bound_literal",
    "loops_bound_param",
    "loops_bound_data",
    "call_sites",
    "recursive_functions",
    "direct_recursion",
    "mutual_recursion",
    "allocs",
    "allocs_known_size",
    "max_alloc_size",
    "collection_literals",
    "max_literal_elems",
    "growth_in_loop",
    "imports",
    "ext_network",
    "ext_file",
    "ext_subprocess",
    "ext_sleep",
    "ext_network_in_loop",
    "ext_file_in_loop",
    "ext_subprocess_in_loop",
    "ext_sleep_in_loop",
    "hint_sort",
    "hint_search",
    "hint_regex",
    "hint_hash",
    "hint_numeric",
    "hint_image",
    "hint_compress",
    "hint_parse",
    NULL,
};

size_t features_len(void)
{
        return ARRAY_SIZE(features_schema) - 1;
}

int features_flatten(const struct features *f, double *v, size_t len)
{
        if (len < features_len())
                return -ENOSPC;
        size_t k = 0;
        v[k++] = f->lines;
        v[k++] = f->nloc;
        v[k++] = f->tokens;
        v[k++] = f->functions;
        v[k++] = f->parse_error_ratio;
        v[k++] = f->missing_nodes;
        v[k++] = f->ccn_total;
        v[k++] = f->ccn_max;
        v[k++] = f->ccn_mean;
        v[k++] = f->cognitive_total;
        v[k++] = f->cognitive_max;
        v[k++] = f->max_params;
        v[k++] = f->loops;
        v[k++] = f->max_loop_depth;
        for (int i = 0; i < BOUND__COUNT; i++)
                v[k++] = f->loop_bound[i];
        v[k++] = f->call_sites;
        v[k++] = f->recursive_functions;
        v[k++] = f->direct_recursion;
        v[k++] = f->mutual_recursion;
        v[k++] = f->allocs;
        v[k++] = f->allocs_known_size;
        v[k++] = f->max_alloc_size;
        v[k++] = f->collection_literals;
        v[k++] = f->max_literal_elems;
        v[k++] = f->growth_in_loop;
        v[k++] = f->imports;
        for (int i = 0; i < EXT__COUNT; i++)
                v[k++] = f->ext_calls[i];
        for (int i = 0; i < EXT__COUNT; i++)
                v[k++] = f->ext_calls_in_loop[i];
        for (int i = 0; i < HINT__COUNT; i++)
                v[k++] = f->hints[i];
        return k == features_len() ? 0 : -EINVAL;
}
