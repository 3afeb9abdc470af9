/* The local backend: src/sandbox/ on this machine's cgroups and namespaces. A backend_box here is
 * a struct sandbox; the casts below are the only place that knows it. */
#include "backend.h"
#include "sandbox/sandbox.h"

struct cb_adapter {
        backend_sample_cb cb;
        void *ctx;
};

static int local_init(void)
{
        return sandbox_runtime_init();
}

static int local_create(const struct alloc *a, struct backend_box **out)
{
        return sandbox_create(a, (struct sandbox **)out);
}

static int local_exec(struct backend_box *b, const struct job *j)
{
        return sandbox_exec((struct sandbox *)b, j);
}

static int local_sample(struct backend_box *b, struct sample *out)
{
        return sandbox_sample((struct sandbox *)b, out);
}

static int local_resize(struct backend_box *b, const struct alloc *a)
{
        return sandbox_resize((struct sandbox *)b, a);
}

static int adapt(struct sandbox *s, const struct sample *smp, void *ctx)
{
        const struct cb_adapter *ad = ctx;
        return ad->cb((struct backend_box *)s, smp, ad->ctx);
}

static int local_wait(struct backend_box *b, uint64_t interval_ns, backend_sample_cb cb, void *ctx,
                      struct usage *out)
{
        struct cb_adapter ad = {cb, ctx};
        return sandbox_wait((struct sandbox *)b, interval_ns, cb ? adapt : NULL, &ad, out);
}

static void local_destroy(struct backend_box *b)
{
        sandbox_destroy((struct sandbox *)b);
}

const struct backend_ops backend_local = {
    .name = "local",
    .init = local_init,
    .fini = sandbox_runtime_fini,
    .create = local_create,
    .exec = local_exec,
    .sample = local_sample,
    .resize = local_resize,
    .wait = local_wait,
    .destroy = local_destroy,
};
