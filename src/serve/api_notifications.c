/* POST /v1/notifications: a pre-trigger notification. Predict, plan, reserve the capacity (or 429)
 * and start creating the sandbox on a worker; answer 202 at once with the plan and the state
 * ("warming", or "ready" when the sandbox was made before the answer went out). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/internal.h"

#define MAX_CODE_HASH 64

bool serve_language_runnable(const char *lang)
{
        return !strcmp(lang, "python") || !strcmp(lang, "javascript");
}

/* libraries: an array of names -> "a,b,c" into buf; -E2BIG when it does not fit. */
static int join_libraries(json_t *arr, char *buf, size_t len)
{
        size_t i, off = 0;
        json_t *e;
        buf[0] = '\0';
        json_array_foreach(arr, i, e)
        {
                const char *s = json_string_value(e);
                if (!s[0] || strchr(s, ','))
                        return -EINVAL;
                int n = snprintf(buf + off, len - off, "%s%s", off ? "," : "", s);
                if (n < 0 || (size_t)n >= len - off)
                        return -E2BIG;
                off += (size_t)n;
        }
        return 0;
}

static bool valid_id(const char *s)
{
        size_t n = strlen(s);
        if (n == 0 || n >= 64)
                return false;
        for (const char *p = s; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
                        return false;
        return true;
}

int api_notifications_post(struct server *S, struct request *rq, struct reply *r)
{
        static const struct field fields[] = {
            {"id", F_STRING, false},           {"language", F_STRING, true},
            {"libraries", F_STRINGS, false},   {"algorithm", F_STRING, false},
            {"input_bytes", F_UINT, false},    {"code", F_STRING, false},
            {"code_hash", F_STRING, false},    {"priority", F_INT, false},
            {"expected_in_ms", F_UINT, false}, {"class", F_STRING, false},
            {"network", F_BOOL, false},
        };
        json_t *o = NULL;
        if (body_object(rq, &o, r) < 0)
                return 0;
        if (check_fields(o, fields, sizeof(fields) / sizeof(fields[0]), r) < 0)
                goto out;
        const char *lang = json_string_value(json_object_get(o, "language"));
        if (!serve_language_runnable(lang)) {
                reply_error(r, 422, "language not runnable: python and javascript are", "language");
                goto out;
        }
        const char *id = json_string_value(json_object_get(o, "id"));
        if (id && !valid_id(id)) {
                reply_error(r, 400, "id must be 1 to 63 of [A-Za-z0-9._-]", "id");
                goto out;
        }
        const char *hash = json_string_value(json_object_get(o, "code_hash"));
        char hex[MAX_CODE_HASH + 1];
        if (hash && (strlen(hash) != MAX_CODE_HASH ||
                     strspn(hash, "0123456789abcdefABCDEF") != MAX_CODE_HASH)) {
                reply_error(r, 400, "code_hash must be 64 hexadecimal digits (sha256)",
                            "code_hash");
                goto out;
        }
        if (hash) {
                for (size_t i = 0; i <= MAX_CODE_HASH; i++)
                        hex[i] = (char)tolower((unsigned char)hash[i]);
                hash = hex;
        }
        char libs[256] = "";
        json_t *jl = json_object_get(o, "libraries");
        if (jl && join_libraries(jl, libs, sizeof(libs)) < 0) {
                reply_error(r, 400, "libraries: non-empty names without commas, 255 bytes in all",
                            "libraries");
                goto out;
        }
        const char *algo = json_string_value(json_object_get(o, "algorithm"));
        if (algo && strlen(algo) >= 32) {
                reply_error(r, 400, "algorithm name too long", "algorithm");
                goto out;
        }
        json_t *jc = json_object_get(o, "code");
        struct notification n = {
            .language = lang,
            .libraries = libs[0] ? libs : NULL,
            .algorithm = algo,
            .input_bytes = (uint64_t)json_integer_value(json_object_get(o, "input_bytes")),
        };
        bool want_net = json_is_true(json_object_get(o, "network"));
        if (want_net && !S->cfg.limits.n_allow) {
                reply_error(r, 422,
                            "this daemon lets served code reach nothing (--config allow_net)",
                            "network");
                goto out;
        }
        struct plan plan;
        int e = plan_make(S, &n, jc ? json_string_value(jc) : NULL, jc ? json_string_length(jc) : 0,
                          hash, want_net, &plan);
        if (e < 0) {
                reply_error(r, 500, "prediction failed", NULL);
                goto out;
        }
        struct pooled *p = calloc(1, sizeof(*p));
        if (!p) {
                reply_error(r, 500, "out of memory", NULL);
                goto out;
        }
        if (id)
                snprintf(p->notification_id, sizeof(p->notification_id), "%s", id);
        else
                snprintf(p->notification_id, sizeof(p->notification_id), "n-%llu",
                         (unsigned long long)atomic_fetch_add(&S->next_notification, 1) + 1);
        p->warm = true;
        if (serve_pick_class(S, o, p, r) < 0) {
                pooled_free(S, p);
                goto out;
        }
        p->alloc = plan.alloc;
        p->prediction = plan_to_json(&plan);
        p->demand = plan.demand;
        p->have_demand = plan.have_model;
        snprintf(p->language, sizeof(p->language), "%s", lang);
        snprintf(p->algorithm, sizeof(p->algorithm), "%s", algo ? algo : "");
        snprintf(p->libraries, sizeof(p->libraries), "%s", libs);
        p->input_bytes = n.input_bytes;
        e = pool_admit(S, p);
        if (e == -EEXIST) {
                pooled_free(S, p);
                reply_error(r, 409, "a notification with this id exists already", "id");
                goto out;
        }
        if (e == -EBUSY || e == -ENOSPC) {
                pooled_free(S, p);
                metrics_count(&S->metrics, &S->metrics.notifications_rejected);
                reply_error(r, 429,
                            e == -EBUSY ? "the host is full: try again later"
                                        : "the warm pool is full (the policy's warm_pool.size): "
                                          "try again later",
                            NULL);
                snprintf(r->retry_after, sizeof(r->retry_after), "%u", S->cfg.limits.retry_after_s);
                goto out;
        }
        metrics_count(&S->metrics, &S->metrics.notifications_admitted);
        /* The answer is built before the worker may touch the entry. */
        json_t *res = json_deep_copy(p->prediction);
        json_object_set_new(res, "id", json_string(p->notification_id));
        json_object_set_new(res, "sandbox_id", json_string(p->id));
        json_object_set_new(res, "state", json_string("warming"));
        e = pool_warm(S, p);
        if (e < 0) {
                json_decref(res);
                pool_remove(S, p);
                pooled_free(S, p);
                reply_error(r, 503, "cannot start a worker", NULL);
                goto out;
        }
        reply_json(r, 202, res);
out:
        json_decref(o);
        return 0;
}
