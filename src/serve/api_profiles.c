/* GET and PUT /v1/profiles: the resource profile tiers (the store's profiles table) that plans map
 * the complexity score to. PUT replaces the whole set in one transaction. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "serve/internal.h"
#include "util/units.h"

static json_t *tier_json(const struct tier *t)
{
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(t->name));
        json_object_set_new(o, "cpu_millicores", json_integer((json_int_t)t->cpu_millicores));
        json_object_set_new(o, "memory_bytes", json_integer((json_int_t)t->memory_bytes));
        json_object_set_new(o, "net_rate_bps", json_integer((json_int_t)t->net_rate_bps));
        json_object_set_new(o, "gpu", json_boolean(t->gpu));
        return o;
}

int api_profiles_get(struct server *S, struct reply *r)
{
        struct tier tiers[MAX_TIERS];
        size_t n = 0;
        const char *source = "store";
        if (S->store) {
                pthread_mutex_lock(&S->store_lock);
                int e = store_tiers_list(S->store, tiers, MAX_TIERS, &n);
                pthread_mutex_unlock(&S->store_lock);
                if (e < 0) {
                        reply_error(r, 500, "cannot read the store", NULL);
                        return 0;
                }
        }
        if (n == 0) {
                n = default_tiers(tiers, MAX_TIERS);
                source = "defaults";
        }
        json_t *arr = json_array(), *o = json_object();
        for (size_t i = 0; i < n; i++)
                json_array_append_new(arr, tier_json(&tiers[i]));
        json_object_set_new(o, "tiers", arr);
        json_object_set_new(o, "source", json_string(source));
        reply_json(r, 200, o);
        return 0;
}

/* A quantity as an integer, or as a string in the CLI's units ("500m", "2Gi", "10Mbit"). */
static int quantity(json_t *v, int (*parse)(const char *, uint64_t *), uint64_t *out)
{
        if (json_is_integer(v) && json_integer_value(v) >= 0) {
                *out = (uint64_t)json_integer_value(v);
                return 0;
        }
        if (json_is_string(v))
                return parse(json_string_value(v), out);
        return -EINVAL;
}

static int tier_from_json(json_t *e, size_t i, struct tier *t, struct reply *r)
{
        static const struct {
                const char *name;
                const char *why;
        } f[] = {
            {"name", "must be a string of 1 to 31 bytes"},
            {"cpu_millicores", "must be positive: millicores, or \"500m\", \"2\""},
            {"memory_bytes", "must be positive: bytes, or \"512Mi\", \"2Gi\""},
            {"net_rate_bps", "must be bit/s, or \"10Mbit\" (0: none)"},
            {"gpu", "must be true or false"},
        };
        char field[64];
        if (!json_is_object(e)) {
                snprintf(field, sizeof(field), "tiers[%zu]", i);
                reply_error(r, 400, "must be an object", field);
                return -EINVAL;
        }
        const char *key;
        json_t *v;
        json_object_foreach(e, key, v)
        {
                size_t k;
                for (k = 0; k < 5 && strcmp(key, f[k].name); k++)
                        ;
                if (k == 5) {
                        snprintf(field, sizeof(field), "tiers[%zu].%s", i, key);
                        reply_error(r, 400, "unknown field", field);
                        return -EINVAL;
                }
        }
        memset(t, 0, sizeof(*t));
        int bad = -1;
        json_t *jn = json_object_get(e, "name");
        if (!json_is_string(jn) || json_string_length(jn) == 0 || json_string_length(jn) >= 32)
                bad = 0;
        else
                snprintf(t->name, sizeof(t->name), "%s", json_string_value(jn));
        if (bad < 0 &&
            (quantity(json_object_get(e, "cpu_millicores"), parse_cpu, &t->cpu_millicores) < 0 ||
             t->cpu_millicores == 0))
                bad = 1;
        if (bad < 0 &&
            (quantity(json_object_get(e, "memory_bytes"), parse_bytes, &t->memory_bytes) < 0 ||
             t->memory_bytes == 0))
                bad = 2;
        json_t *jr = json_object_get(e, "net_rate_bps");
        if (bad < 0 && jr && quantity(jr, parse_rate, &t->net_rate_bps) < 0)
                bad = 3;
        json_t *jg = json_object_get(e, "gpu");
        if (bad < 0 && jg && !json_is_boolean(jg))
                bad = 4;
        if (bad >= 0) {
                snprintf(field, sizeof(field), "tiers[%zu].%s", i, f[bad].name);
                reply_error(r, 400, f[bad].why, field);
                return -EINVAL;
        }
        t->gpu = json_is_true(jg);
        return 0;
}

int api_profiles_put(struct server *S, struct request *rq, struct reply *r)
{
        json_t *o = NULL;
        if (body_object(rq, &o, r) < 0)
                return 0;
        struct tier tiers[MAX_TIERS], old[MAX_TIERS];
        size_t n = 0, nold = 0;
        json_t *arr = json_object_get(o, "tiers");
        /* The elements are objects, checked by tier_from_json; only the top-level keys here. */
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v) if (strcmp(key, "tiers"))
        {
                reply_error(r, 400, "unknown field", key);
                goto out;
        }
        if (!arr) {
                reply_error(r, 400, "missing required field", "tiers");
                goto out;
        }
        if (!json_is_array(arr) || json_array_size(arr) == 0 || json_array_size(arr) > MAX_TIERS) {
                reply_error(r, 400, "must be an array of 1 to 16 tiers", "tiers");
                goto out;
        }
        for (n = 0; n < json_array_size(arr); n++) {
                if (tier_from_json(json_array_get(arr, n), n, &tiers[n], r) < 0)
                        goto out;
                for (size_t k = 0; k < n; k++)
                        if (!strcmp(tiers[k].name, tiers[n].name)) {
                                char field[64];
                                snprintf(field, sizeof(field), "tiers[%zu].name", n);
                                reply_error(r, 400, "duplicate tier name", field);
                                goto out;
                        }
        }
        if (!S->store) {
                reply_error(r, 503, "no store", NULL);
                goto out;
        }
        pthread_mutex_lock(&S->store_lock);
        int e = store_begin(S->store);
        if (e == 0)
                e = store_tiers_list(S->store, old, MAX_TIERS, &nold);
        for (size_t i = 0; e == 0 && i < nold; i++) {
                bool keep = false;
                for (size_t k = 0; k < n; k++)
                        keep |= !strcmp(old[i].name, tiers[k].name);
                if (!keep)
                        e = store_tier_delete(S->store, old[i].name);
        }
        for (size_t k = 0; e == 0 && k < n; k++)
                e = store_tier_set(S->store, &tiers[k]);
        if (e == 0)
                e = store_commit(S->store);
        else
                store_rollback(S->store);
        tiers_reload_locked(S);
        pthread_mutex_unlock(&S->store_lock);
        if (e < 0) {
                reply_error(r, 500, "cannot write the store", NULL);
                goto out;
        }
        json_decref(o);
        return api_profiles_get(S, r);
out:
        json_decref(o);
        return 0;
}
