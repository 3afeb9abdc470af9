/* The HTTP side of presize serve: libmicrohttpd's callbacks, authentication, the routing table,
 * request bodies (bounded), JSON errors that name the field, and field checking. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/internal.h"
#include "util/cleanup.h"
#include "util/units.h"

/* libmicrohttpd's own threads: they parse, predict and admit; executions run elsewhere. */
#define HTTP_THREADS 2

bool serve_token_equal(const char *a, const char *b)
{
        size_t la = strlen(a), lb = strlen(b);
        /* Walk the longer one whatever happens, so the time says nothing about where they
         * differ. */
        size_t n = la > lb ? la : lb;
        volatile unsigned char diff = (unsigned char)(la != lb);
        for (size_t i = 0; i < n; i++) {
                unsigned char x = i < la ? (unsigned char)a[i] : 0;
                unsigned char y = i < lb ? (unsigned char)b[i] : 0;
                diff |= x ^ y;
        }
        return diff == 0;
}

bool serve_is_loopback(const char *host)
{
        struct in_addr a;
        if (inet_pton(AF_INET, host, &a) != 1)
                return false;
        return (ntohl(a.s_addr) >> 24) == 127;
}

void reply_json(struct reply *r, unsigned status, json_t *body)
{
        json_decref(r->body);
        r->status = status;
        r->body = body;
}

void reply_error(struct reply *r, unsigned status, const char *error, const char *field)
{
        json_t *o = json_object();
        json_object_set_new(o, "error", json_string(error));
        json_object_set_new(o, "field", field ? json_string(field) : json_null());
        reply_json(r, status, o);
}

int body_object(const struct request *rq, json_t **out, struct reply *r)
{
        json_error_t e;
        json_t *j = json_loadb(rq->body ? rq->body : "", rq->len, JSON_REJECT_DUPLICATES, &e);
        if (!j) {
                char msg[300];
                snprintf(msg, sizeof(msg), "malformed JSON at line %d column %d: %s", e.line,
                         e.column, e.text);
                reply_error(r, 400, msg, NULL);
                return -EINVAL;
        }
        if (!json_is_object(j)) {
                json_decref(j);
                reply_error(r, 400, "the body must be a JSON object", NULL);
                return -EINVAL;
        }
        *out = j;
        return 0;
}

int parse_timeout(json_t *v, uint64_t *ns)
{
        if (json_is_number(v)) {
                double s = json_number_value(v);
                if (!(s > 0) || s > 1e6)
                        return -EINVAL;
                *ns = (uint64_t)(s * 1e9);
                return 0;
        }
        if (json_is_string(v)) {
                int r = parse_duration(json_string_value(v), ns);
                return r < 0 || *ns == 0 ? -EINVAL : 0;
        }
        return -EINVAL;
}

static bool type_ok(json_t *v, enum ftype t)
{
        switch (t) {
        case F_STRING:
                return json_is_string(v);
        case F_UINT:
                return json_is_integer(v) && json_integer_value(v) >= 0;
        case F_INT:
                return json_is_integer(v);
        case F_BOOL:
                return json_is_boolean(v);
        case F_TIMEOUT:
                return json_is_number(v) || json_is_string(v);
        case F_STRINGS: {
                if (!json_is_array(v))
                        return false;
                size_t i;
                json_t *e;
                json_array_foreach(v, i, e) if (!json_is_string(e)) return false;
                return true;
        }
        }
        return false;
}

static const char *type_words(enum ftype t)
{
        switch (t) {
        case F_STRING:
                return "must be a string";
        case F_UINT:
                return "must be a non-negative integer";
        case F_INT:
                return "must be an integer";
        case F_BOOL:
                return "must be true or false";
        case F_TIMEOUT:
                return "must be seconds (a number) or a duration string such as \"10s\"";
        case F_STRINGS:
                return "must be an array of strings";
        }
        return "has the wrong type";
}

int check_fields(json_t *o, const struct field *f, size_t n, struct reply *r)
{
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v)
        {
                size_t i;
                for (i = 0; i < n && strcmp(f[i].name, key); i++)
                        ;
                if (i == n) {
                        reply_error(r, 400, "unknown field", key);
                        return -EINVAL;
                }
                if (!type_ok(v, f[i].type)) {
                        reply_error(r, 400, type_words(f[i].type), key);
                        return -EINVAL;
                }
        }
        for (size_t i = 0; i < n; i++)
                if (f[i].required && !json_object_get(o, f[i].name)) {
                        reply_error(r, 400, "missing required field", f[i].name);
                        return -EINVAL;
                }
        return 0;
}

/* ---- routing ---- */

/* "/v1/sandboxes/sb-3" with prefix "/v1/sandboxes/" -> "sb-3" (one non-empty segment). */
static const char *tail(const char *url, const char *prefix)
{
        size_t n = strlen(prefix);
        if (strncmp(url, prefix, n) || !url[n] || strchr(url + n, '/'))
                return NULL;
        return url + n;
}

static void route(struct server *S, struct MHD_Connection *c, struct request *rq, const char *url,
                  const char *method, struct reply *r, bool *suspended)
{
        bool get = !strcmp(method, "GET"), post = !strcmp(method, "POST");
        bool put = !strcmp(method, "PUT"), del = !strcmp(method, "DELETE");
        const char *id;
        const char *allow = NULL;
        if (!strcmp(url, "/healthz")) {
                if (get) {
                        json_t *o = json_object();
                        json_object_set_new(o, "status", json_string("ok"));
                        json_object_set_new(o, "backend", json_string(S->be->name));
                        pthread_rwlock_rdlock(&S->model_lock);
                        json_object_set_new(o, "model", json_string(S->model_source));
                        pthread_rwlock_unlock(&S->model_lock);
                        reply_json(r, 200, o);
                        return;
                }
                allow = "GET";
        } else if (!strcmp(url, "/metrics")) {
                if (get) {
                        r->status = 200;
                        r->text = metrics_render(S);
                        r->content_type = "text/plain; version=0.0.4";
                        if (!r->text)
                                reply_error(r, 500, "out of memory", NULL);
                        return;
                }
                allow = "GET";
        } else if (!strcmp(url, "/v1/notifications")) {
                if (post) {
                        api_notifications_post(S, rq, r);
                        return;
                }
                allow = "POST";
        } else if (!strcmp(url, "/v1/executions")) {
                if (post) {
                        *suspended = api_executions_post(S, c, rq, r) == 1;
                        return;
                }
                allow = "POST";
        } else if ((id = tail(url, "/v1/executions/"))) {
                if (get) {
                        api_executions_get(S, id, r);
                        return;
                }
                allow = "GET";
        } else if (!strcmp(url, "/v1/sandboxes")) {
                if (get) {
                        api_sandboxes_list(S, r);
                        return;
                }
                allow = "GET";
        } else if ((id = tail(url, "/v1/sandboxes/"))) {
                if (get) {
                        api_sandbox_get(S, id, r);
                        return;
                }
                if (del) {
                        api_sandbox_delete(S, id, r);
                        return;
                }
                allow = "GET, DELETE";
        } else if (!strcmp(url, "/v1/profiles")) {
                if (get) {
                        api_profiles_get(S, r);
                        return;
                }
                if (put) {
                        api_profiles_put(S, rq, r);
                        return;
                }
                allow = "GET, PUT";
        } else if (!strcmp(url, "/v1/model")) {
                if (get) {
                        api_model_get(S, r);
                        return;
                }
                allow = "GET";
        } else if (!strcmp(url, "/v1/model/retrain")) {
                if (post) {
                        api_model_retrain(S, rq, r);
                        return;
                }
                allow = "POST";
        } else if (!strcmp(url, "/v1/policy")) {
                if (get) {
                        api_policy_get(S, r);
                        return;
                }
                if (put) {
                        api_policy_put(S, rq, r);
                        return;
                }
                allow = "GET, PUT";
        }
        if (!allow) {
                reply_error(r, 404, "no such endpoint", NULL);
                return;
        }
        reply_error(r, 405, "method not allowed", NULL);
        r->allow = allow;
}

static enum MHD_Result send_reply(struct server *S, struct MHD_Connection *c, struct reply *r)
{
        char *text = NULL;
        size_t len = 0;
        if (r->text) {
                text = (char *)r->text;
                len = strlen(text);
        } else {
                text = r->body ? json_dumps(r->body, JSON_REAL_PRECISION(9) | JSON_COMPACT) : NULL;
                if (!text)
                        text = strdup("{}");
                if (!text)
                        return MHD_NO;
                len = strlen(text);
        }
        json_decref(r->body);
        r->body = NULL;
        struct MHD_Response *resp =
            MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
        if (!resp) {
                free(text);
                return MHD_NO;
        }
        MHD_add_response_header(resp, "Content-Type",
                                r->text ? r->content_type : "application/json");
        if (r->allow)
                MHD_add_response_header(resp, "Allow", r->allow);
        if (r->retry_after[0])
                MHD_add_response_header(resp, "Retry-After", r->retry_after);
        unsigned cls = r->status / 100;
        if (cls >= 1 && cls <= 5)
                metrics_count(&S->metrics, &S->metrics.requests[cls]);
        enum MHD_Result ret = MHD_queue_response(c, r->status, resp);
        MHD_destroy_response(resp);
        return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
        struct server *S = cls;
        struct request *rq = *con_cls;
        struct reply r = {0};
        if (!rq) {
                rq = calloc(1, sizeof(*rq));
                if (!rq)
                        return MHD_NO;
                rq->t0 = now_mono_ns();
                *con_cls = rq;
                if (S->cfg.token) {
                        const char *h =
                            MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
                        if (!h || strncmp(h, "Bearer ", 7) ||
                            !serve_token_equal(h + 7, S->cfg.token)) {
                                reply_error(&r, 401,
                                            h ? "wrong token" : "missing Authorization: Bearer",
                                            "Authorization");
                                return send_reply(S, c, &r);
                        }
                }
                const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
                if (cl && strtoull(cl, NULL, 10) > S->cfg.limits.body_max) {
                        rq->too_big = true;
                        reply_error(&r, 413, "request body too large", NULL);
                        return send_reply(S, c, &r);
                }
                return MHD_YES;
        }
        if (*upload_size > 0) {
                size_t n = *upload_size;
                *upload_size = 0;
                if (rq->too_big || rq->len + n > S->cfg.limits.body_max) {
                        rq->too_big = true;
                        return MHD_YES;
                }
                if (rq->len + n + 1 > rq->cap) {
                        size_t cap = (rq->len + n + 1) * 2;
                        if (cap > S->cfg.limits.body_max + 1)
                                cap = S->cfg.limits.body_max + 1;
                        char *b = realloc(rq->body, cap);
                        if (!b)
                                return MHD_NO;
                        rq->body = b;
                        rq->cap = cap;
                }
                memcpy(rq->body + rq->len, upload, n);
                rq->len += n;
                rq->body[rq->len] = '\0';
                return MHD_YES;
        }
        if (rq->waiting) {
                /* Resumed: the execution finished (or the daemon is stopping). */
                struct execution *x = rq->waiting;
                rq->waiting = NULL;
                pthread_mutex_lock(&S->exec_lock);
                json_t *res = x->result ? json_incref(x->result) : NULL;
                x->waiter = false;
                pthread_mutex_unlock(&S->exec_lock);
                if (res)
                        reply_json(&r, 200, res);
                else
                        reply_error(&r, 500, "the execution ended without a result", NULL);
                return send_reply(S, c, &r);
        }
        if (rq->too_big) {
                reply_error(&r, 413, "request body too large", NULL);
                return send_reply(S, c, &r);
        }
        bool suspended = false;
        route(S, c, rq, url, method, &r, &suspended);
        if (suspended)
                return MHD_YES;
        return send_reply(S, c, &r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
        struct server *S = cls;
        struct request *rq = *con_cls;
        if (!rq)
                return;
        metrics_observe(&S->metrics, &S->metrics.request, (double)(now_mono_ns() - rq->t0) / 1e9);
        if (rq->waiting) {
                pthread_mutex_lock(&S->exec_lock);
                rq->waiting->waiter = false;
                pthread_mutex_unlock(&S->exec_lock);
        }
        free(rq->body);
        free(rq);
        *con_cls = NULL;
}

int http_start(struct server *S)
{
        struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(S->cfg.port)};
        if (inet_pton(AF_INET, S->cfg.host, &sa.sin_addr) != 1)
                return -EINVAL;
        S->mhd = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                MHD_USE_ITC,
            0, NULL, NULL, on_request, S, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
            MHD_OPTION_NOTIFY_COMPLETED, on_completed, S, MHD_OPTION_CONNECTION_TIMEOUT,
            (unsigned)60, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
            MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_THREAD_POOL_SIZE,
            (unsigned)HTTP_THREADS, MHD_OPTION_END);
        if (!S->mhd)
                return -EADDRINUSE;
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(S->mhd, MHD_DAEMON_INFO_BIND_PORT);
        if (info)
                S->cfg.port = info->port;
        return 0;
}

void http_stop(struct server *S)
{
        if (S->mhd)
                MHD_stop_daemon(S->mhd);
        S->mhd = NULL;
}
