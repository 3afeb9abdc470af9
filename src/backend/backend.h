/* A backend is a table of operations on sandboxes, so that a new one (Kubernetes, libvirt,
 * Firecracker) is one new file and nothing else changes. The local backend (cgroups + namespaces)
 * is the embedded default.
 *
 * Handles are opaque to callers: a `struct backend_box` is created by ops->create and released by
 * ops->destroy, and only the backend that made it may look inside. Functions return 0 or -errno. */
#pragma once

#include "core/resources.h"

struct backend_box; /* one sandbox of some backend; owned by the caller of create */

typedef int (*backend_sample_cb)(struct backend_box *b, const struct sample *s, void *ctx);

struct backend_ops {
        const char *name;
        int (*init)(void);
        void (*fini)(void);
        int (*create)(const struct alloc *a, struct backend_box **out);
        int (*exec)(struct backend_box *b, const struct job *j);
        int (*sample)(struct backend_box *b, struct sample *out);
        int (*resize)(struct backend_box *b, const struct alloc *a);
        int (*wait)(struct backend_box *b, uint64_t interval_ns, backend_sample_cb cb, void *ctx,
                    struct usage *out);
        void (*destroy)(struct backend_box *b);
};

extern const struct backend_ops backend_local;

/* Look a backend up by name ("local"); NULL if unknown. */
const struct backend_ops *backend_find(const char *name);
