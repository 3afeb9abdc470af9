/* GET /v1/sandboxes, GET and DELETE /v1/sandboxes/{id}: the sandboxes the manager accounts for
 * (warming, ready, claimed, running, failed), with the capacity they take. */
#include <stdlib.h>
#include <string.h>

#include "serve/internal.h"

int api_sandboxes_list(struct server *S, struct reply *r)
{
        json_t *arr = json_array(), *o = json_object();
        uint64_t now = now_mono_ns();
        pthread_mutex_lock(&S->pool.lock);
        for (struct pooled *p = S->pool.head; p; p = p->next)
                json_array_append_new(arr, pooled_to_json(p, now));
        json_t *cap = json_object();
        json_object_set_new(cap, "cpu_millicores",
                            json_integer((json_int_t)S->pool.cap_millicores));
        json_object_set_new(cap, "memory_bytes", json_integer((json_int_t)S->pool.cap_memory));
        json_object_set_new(cap, "used_cpu_millicores",
                            json_integer((json_int_t)S->pool.used_millicores));
        json_object_set_new(cap, "used_memory_bytes",
                            json_integer((json_int_t)S->pool.used_memory));
        json_object_set_new(cap, "sandboxes", json_integer(S->pool.n));
        json_object_set_new(cap, "max_sandboxes", json_integer(S->cfg.limits.max_sandboxes));
        json_object_set_new(cap, "warm_pool_size", json_integer(S->pool.warm_max));
        pthread_mutex_unlock(&S->pool.lock);
        json_object_set_new(o, "sandboxes", arr);
        json_object_set_new(o, "capacity", cap);
        reply_json(r, 200, o);
        return 0;
}

static struct pooled *find_locked(struct server *S, const char *id)
{
        for (struct pooled *p = S->pool.head; p; p = p->next)
                if (!strcmp(p->id, id))
                        return p;
        return NULL;
}

int api_sandbox_get(struct server *S, const char *id, struct reply *r)
{
        pthread_mutex_lock(&S->pool.lock);
        struct pooled *p = find_locked(S, id);
        json_t *o = p ? pooled_to_json(p, now_mono_ns()) : NULL;
        if (o)
                json_object_set_new(o, "prediction", json_incref(p->prediction));
        pthread_mutex_unlock(&S->pool.lock);
        if (!o) {
                reply_error(r, 404, "unknown sandbox id", "id");
                return 0;
        }
        reply_json(r, 200, o);
        return 0;
}

/* A ready (or failed) sandbox is destroyed now; a warming one when its creation ends; a claimed or
 * running one has its job killed at the next sample, and its execution ends "failed". */
int api_sandbox_delete(struct server *S, const char *id, struct reply *r)
{
        pthread_mutex_lock(&S->pool.lock);
        struct pooled *p = find_locked(S, id);
        if (!p) {
                pthread_mutex_unlock(&S->pool.lock);
                reply_error(r, 404, "unknown sandbox id", "id");
                return 0;
        }
        bool now = p->warming_done && (p->state == SB_READY || p->state == SB_FAILED);
        const char *was = sb_state_names[p->state];
        p->cancel = true;
        if (now)
                pool_unlink_locked(&S->pool, p);
        pthread_mutex_unlock(&S->pool.lock);
        if (now)
                pooled_free(S, p);
        metrics_count(&S->metrics, &S->metrics.deleted);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "was", json_string(was));
        json_object_set_new(o, "state", json_string(now ? "destroyed" : "destroying"));
        reply_json(r, 200, o);
        return 0;
}
