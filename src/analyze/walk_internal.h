/* Shared between the walk (walk.c) and its helpers (patterns.c, callgraph.c). Not public. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "analyze/analyze.h"

/* Classification of a callee, by its text: "requests.get" -> network, "np.dot" -> numeric. */
struct call_class {
        int ext;       /* enum ext_kind or -1 */
        int hint;      /* enum hint_kind or -1 */
        bool growth;   /* append/push/...: a container grows */
        int size_arg;  /* allocation call: which argument is the size, or -1 */
        bool size_mul; /* calloc(n, size): size is arg0 * arg1 */
};

/* full: the callee text with "::" and "->" turned into '.', whitespace removed.
 * last: its last name segment. */
void classify_call(const char *full, const char *last, struct call_class *out);
/* Library named by an import ("numpy", "sys/socket.h"): hint or -1; ext or -1. */
void classify_import(const char *lib, int *hint, int *ext);

/* A call site within the file: from function `caller` (-1: top level) to `name`. */
struct call_edge {
        int32_t caller;
        const char *name; /* into the source buffer, not NUL-terminated */
        uint32_t len;
};

/* Mark functions recursive from the call edges (name-resolved within the file), by strongly
 * connected components of the call graph. 0 or -ENOMEM. */
int callgraph_mark_recursion(struct func_metrics *funcs, size_t n_funcs,
                             const struct call_edge *calls, size_t n_calls);

struct analyzer;
/* The file size limit in force (analyzer_opts.max_bytes or its default). */
uint64_t analyzer_max_bytes(const struct analyzer *a);
