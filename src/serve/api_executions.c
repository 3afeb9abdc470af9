/* POST /v1/executions and GET /v1/executions/{id}. An execution claims the warm sandbox of its
 * notification (or has one created cold, and says so), writes the code into it, runs it on a
 * worker thread and answers with what it used. With "wait" (the default) the HTTP connection is
 * suspended until the worker resumes it; without, 202 and the id to poll. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "control/control.h"
#include "control/demand.h"
#include "core/report.h"
#include "serve/internal.h"
#include "util/cleanup.h"

#define MAX_ARGS 64

const char *const x_state_names[X__COUNT] = {"queued", "running", "done", "failed"};

static const char *interpreter(const char *lang)
{
        return !strcmp(lang, "javascript") ? "/usr/bin/node" : "/usr/bin/python3";
}

static const char *script_name(const char *lang)
{
        return !strcmp(lang, "javascript") ? "main.js" : "main.py";
}

void exec_free(struct execution *x)
{
        if (!x)
                return;
        free(x->code);
        if (x->argv)
                for (char **a = x->argv; *a; a++)
                        free(*a);
        free(x->argv);
        free(x->stdin_data);
        json_decref(x->result);
        free(x);
}

/* Output as a JSON string: invalid UTF-8 bytes become '?'. */
static json_t *text_json(char *buf, size_t n)
{
        json_t *s = json_stringn(buf, n);
        if (s)
                return s;
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)buf[i] >= 0x80 || buf[i] == '\0')
                        buf[i] = '?';
        return json_stringn(buf, n);
}

/* Up to max bytes of a memfd from its start; *truncated when there was more. */
static json_t *read_output(int fd, size_t max, bool *truncated)
{
        *truncated = false;
        _cleanup_free_ char *buf = calloc(1, max + 1);
        if (!buf)
                return json_string("");
        size_t n = 0;
        while (n < max + 1) {
                ssize_t k = pread(fd, buf + n, max + 1 - n, (off_t)n);
                if (k <= 0)
                        break;
                n += (size_t)k;
        }
        if (n > max) {
                *truncated = true;
                n = max;
        }
        return text_json(buf, n);
}

static int make_memfd(const char *name, const char *data, size_t len)
{
        int fd = memfd_create(name, MFD_CLOEXEC);
        if (fd < 0)
                return -errno;
        size_t off = 0;
        while (off < len) {
                ssize_t k = write(fd, data + off, len - off);
                if (k < 0) {
                        int e = -errno;
                        close(fd);
                        return e;
                }
                off += (size_t)k;
        }
        if (lseek(fd, 0, SEEK_SET) < 0) {
                int e = -errno;
                close(fd);
                return e;
        }
        return fd;
}

#define MAX_ADJUSTMENTS 256

struct run_ctx {
        struct server *S;
        struct execution *x;
        /* What the answer reports of the allocation while the job ran: the timeline starts with
         * the initial allocation; each resize the control loop makes appends to both
         * ({at_ms, cpu_millicores, ...} and {at_ms, resource, from, to, reason, applied}). Owned.
         */
        json_t *timeline, *adjustments;
        /* The control loop: the daemon's policy when the execution started, the plan's demand,
         * the recent samples, the allocation the kernel has (timeout included) and when the job
         * started (at_ms counts from there). */
        struct policy policy;
        struct control_demand demand;
        struct sample_window w;
        struct alloc cur;
        uint64_t t0;
        /* per resource: a raise was refused for want of room; the controller asks again at
         * every sample, recorded once until a raise of that resource is admitted */
        bool refused[RES__COUNT];
        /* A pre-started runtime: what is still to be written into its stdin pipe (header, args,
         * code, then the execution's stdin), fed without blocking at every sample. Owned. */
        char *pend;
        size_t pend_len, pend_off;
};

/* Write what the pipe takes now; close it once everything is in (the code sees EOF after its
 * stdin) or when the reader is gone. */
static void feed(struct run_ctx *rc)
{
        struct pooled *p = rc->x->sb;
        if (!p->prestarted || p->pre_in < 0)
                return;
        while (rc->pend_off < rc->pend_len) {
                ssize_t k = write(p->pre_in, rc->pend + rc->pend_off, rc->pend_len - rc->pend_off);
                if (k < 0 && errno == EINTR)
                        continue;
                if (k < 0 && errno == EAGAIN)
                        return;
                if (k <= 0)
                        break; /* EPIPE: the code ended without reading it all */
                rc->pend_off += (size_t)k;
        }
        close(p->pre_in);
        p->pre_in = -1;
}

/* The bytes a pre-started runtime reads (see BOOTSTRAP_PY in pool.c): "CODE_LEN ARGS_LEN\n", the
 * args each ended by a NUL, the code, then the execution's stdin. */
static int pend_build(struct run_ctx *rc, const struct execution *x)
{
        size_t args_len = 0;
        for (char **a = x->argv + 2; *a; a++)
                args_len += strlen(*a) + 1;
        char head[48];
        int h = snprintf(head, sizeof(head), "%zu %zu\n", x->code_len, args_len);
        size_t n = (size_t)h + args_len + x->code_len + x->stdin_len;
        char *b = malloc(n);
        if (!b)
                return -ENOMEM;
        size_t off = 0;
        memcpy(b, head, (size_t)h);
        off += (size_t)h;
        for (char **a = x->argv + 2; *a; a++) {
                size_t l = strlen(*a) + 1;
                memcpy(b + off, *a, l);
                off += l;
        }
        memcpy(b + off, x->code, x->code_len);
        off += x->code_len;
        if (x->stdin_len)
                memcpy(b + off, x->stdin_data, x->stdin_len);
        rc->pend = b;
        rc->pend_len = n;
        rc->pend_off = 0;
        return 0;
}

/* What the code used from its delivery on: the interpreter's start-up, paid before the request,
 * is taken out of CPU (user and sys in proportion), throttling and wall time; the peak memory
 * stays as measured (the interpreter is in it). */
static void usage_since(struct usage *u, const struct sample *s0, uint64_t skip_ns)
{
        uint64_t cpu = u->cpu_ns > s0->cpu_ns ? u->cpu_ns - s0->cpu_ns : 0;
        if (u->cpu_ns) {
                double f = (double)cpu / (double)u->cpu_ns;
                u->user_ns = (uint64_t)((double)u->user_ns * f);
                u->sys_ns = (uint64_t)((double)u->sys_ns * f);
        }
        u->cpu_ns = cpu;
        u->throttled_ns =
            u->throttled_ns > s0->throttled_ns ? u->throttled_ns - s0->throttled_ns : 0;
        u->wall_ns = u->wall_ns > skip_ns ? u->wall_ns - skip_ns : 0;
        u->avg_cores = u->wall_ns ? (double)u->cpu_ns / (double)u->wall_ns : 0;
        if (u->peak_cores < u->avg_cores)
                u->peak_cores = u->avg_cores;
}

static void set_resource(struct alloc *a, enum resource res, uint64_t v)
{
        if (res == RES_CPU)
                a->cpu_millicores = v;
        else if (res == RES_MEMORY)
                a->memory_bytes = v;
        else
                a->net_rate_bps = v;
}

static void record(struct run_ctx *rc, uint64_t at_ns, const struct change *c, bool applied,
                   const char *reason)
{
        if (json_array_size(rc->adjustments) >= MAX_ADJUSTMENTS)
                return;
        json_t *o = json_pack("{s:f, s:s, s:I, s:I, s:s, s:b}", "at_ms", (double)at_ns / 1e6,
                              "resource", resource_names[c->resource], "from", (json_int_t)c->from,
                              "to", (json_int_t)c->to, "reason", reason, "applied", applied);
        if (o && applied) { /* when the kernel had the new limit, on the same clock as at_ms */
                uint64_t now = now_mono_ns();
                json_object_set_new(o, "applied_ms",
                                    json_real((double)(now > rc->t0 ? now - rc->t0 : 0) / 1e6));
        }
        json_array_append_new(rc->adjustments, o);
}

/* One change: a raise is first admitted by the pool's capacity (its accounted allocation grows
 * before the kernel's limit does), a lowering is accounted once the kernel has it. true when
 * applied. */
static bool apply_change(struct run_ctx *rc, struct backend_box *b, const struct change *c,
                         uint64_t at_ns)
{
        struct server *S = rc->S;
        struct pooled *p = rc->x->sb;
        bool up = c->to > c->from;
        char reason[CONTROL_REASON_LEN + 64];
        int e = up ? pool_reaccount(S, p, c->resource, c->to) : 0;
        if (e < 0) {
                if (!rc->refused[c->resource]) {
                        rc->refused[c->resource] = true;
                        snprintf(reason, sizeof(reason), "%s; not applied: the host is full%s",
                                 c->reason, e == -E2BIG ? " (more than one sandbox may have)" : "");
                        record(rc, at_ns, c, false, reason);
                }
                return false;
        }
        if (up)
                rc->refused[c->resource] = false;
        struct alloc next = rc->cur;
        set_resource(&next, c->resource, c->to);
        e = S->be->resize(b, &next);
        if (e < 0) {
                if (up)
                        pool_reaccount(S, p, c->resource, c->from); /* give the room back */
                snprintf(reason, sizeof(reason), "%s; not applied: %s", c->reason,
                         e == -EBUSY ? "the kernel refused (usage above the new limit)"
                                     : strerror(-e));
                record(rc, at_ns, c, false, reason);
                return false;
        }
        rc->cur = next;
        if (!up)
                pool_reaccount(S, p, c->resource, c->to);
        metrics_count(&S->metrics, &S->metrics.adjustments[c->resource][up ? 0 : 1]);
        record(rc, at_ns, c, true, c->reason);
        return true;
}

/* Called after every sample: a DELETE of the sandbox, or the daemon stopping once its grace period
 * is over, ends the job. Then
 * the control loop, as `presize run` runs it: control_step on the window of samples, each change
 * applied one resource at a time (a refused one leaves the others applied and the record exact),
 * every attempt committed (a refused lowering waits out the cooldown). */
static int on_sample(struct backend_box *b, const struct sample *smp, void *ctx)
{
        struct run_ctx *rc = ctx;
        struct server *S = rc->S;
        bool cancel;
        feed(rc);
        pthread_mutex_lock(&S->pool.lock);
        cancel = rc->x->sb->cancel;
        pthread_mutex_unlock(&S->pool.lock);
        if (cancel || (atomic_load(&S->stopping) && smp->t_ns >= atomic_load(&S->stop_deadline_ns)))
                return 1;
        sample_window_push(&rc->w, smp);
        struct decision d;
        if (control_step(&rc->cur, &rc->demand, &rc->w, &rc->policy, &d) < 0 || d.n_changes == 0)
                return 0;
        uint64_t at = smp->t_ns > rc->t0 ? smp->t_ns - rc->t0 : 0;
        bool any = false;
        for (size_t i = 0; i < d.n_changes; i++)
                any |= apply_change(rc, b, &d.changes[i], at);
        control_commit(&rc->w, &d);
        if (any && json_array_size(rc->timeline) <= MAX_ADJUSTMENTS) {
                uint64_t now = now_mono_ns();
                json_t *a = alloc_json(&rc->cur);
                json_object_set_new(a, "at_ms",
                                    json_real((double)(now > rc->t0 ? now - rc->t0 : 0) / 1e6));
                json_array_append_new(rc->timeline, a);
        }
        return 0;
}

static const char *outcome_of(const struct usage *u)
{
        if (u->oom_killed)
                return "oom";
        if (u->timed_out)
                return "timeout";
        return u->exit_code == 0 && u->signal == 0 ? "ok" : "failed";
}

static int outcome_index(const char *o)
{
        static const char *const names[] = {"ok", "failed", "timeout", "oom", "error"};
        for (int i = 0; i < 5; i++)
                if (!strcmp(o, names[i]))
                        return i;
        return 4;
}

static void set_exec_state(struct server *S, struct execution *x, enum x_state st)
{
        pthread_mutex_lock(&S->exec_lock);
        x->state = st;
        pthread_mutex_unlock(&S->exec_lock);
}

static json_t *base_json(const struct execution *x)
{
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "state", json_string(x_state_names[x->state]));
        json_object_set_new(o, "warm", json_boolean(x->warm));
        json_object_set_new(o, "notification_id",
                            x->notification_id[0] ? json_string(x->notification_id) : json_null());
        return o;
}

/* Run the execution; returns its result object (new reference). */
static json_t *run(struct server *S, struct execution *x, struct run_ctx *rc, uint64_t *start_ns,
                   enum x_state *final)
{
        struct pooled *p = x->sb;
        char err[256] = "";
        struct usage u;
        const char *outcome = "error";
        _cleanup_close_ int in = -1, out = -1, errfd = -1;
        bool truncated_out = false, truncated_err = false;
        json_t *jout = NULL, *jerr = NULL;
        if (p->warm)
                pool_wait_ready(S, p);
        if (!p->box && atomic_load(&S->stopping)) {
                snprintf(err, sizeof(err), "cancelled: the daemon is stopping");
                goto done;
        }
        if (!p->box) {
                /* Cold, or a warm one whose creation failed: make it now (on this thread, which
                 * outlives the sandbox). */
                pthread_mutex_lock(&S->exec_lock);
                x->warm = false;
                pthread_mutex_unlock(&S->exec_lock);
                struct backend_box *box = NULL;
                int r = S->be->create(&p->alloc, &box);
                if (r < 0) {
                        snprintf(err, sizeof(err), "cannot create the sandbox: %s", strerror(-r));
                        goto done;
                }
                pthread_mutex_lock(&S->pool.lock);
                p->box = box;
                p->ready_ns = now_mono_ns();
                p->warming_done = true;
                pthread_mutex_unlock(&S->pool.lock);
        }
        pthread_mutex_lock(&S->pool.lock);
        bool cancelled = p->cancel;
        p->state = SB_RUNNING;
        pthread_mutex_unlock(&S->pool.lock);
        if (cancelled || atomic_load(&S->stopping)) {
                snprintf(err, sizeof(err), "cancelled before it started");
                goto done;
        }
        set_exec_state(S, x, X_RUNNING);
        struct alloc a = p->alloc;
        a.timeout_ns = x->timeout_ns;
        bool pre = p->prestarted;
        struct sample s0 = {0};
        /* the sandbox counts the timeout from the interpreter's start: shift it to the delivery */
        if (pre && a.timeout_ns)
                a.timeout_ns += now_mono_ns() - p->pre_exec_ns;
        int r = S->be->resize(p->box, &a);
        if (r < 0) {
                snprintf(err, sizeof(err), "cannot set the timeout: %s", strerror(-r));
                goto done;
        }
        if (pre) {
                /* Deliver the code to the waiting interpreter; its usage counts from here. */
                out = p->pre_out;
                errfd = p->pre_err;
                p->pre_out = p->pre_err = -1;
                if (pend_build(rc, x) < 0 || fcntl(p->pre_in, F_SETFL, O_NONBLOCK) < 0 ||
                    (r = S->be->sample(p->box, &s0)) < 0) {
                        snprintf(err, sizeof(err), "cannot deliver the code to the runtime");
                        goto done;
                }
                *start_ns = now_mono_ns();
                feed(rc);
        } else if ((in = make_memfd("stdin", x->stdin_data ? x->stdin_data : "", x->stdin_len)) <
                       0 ||
                   (out = memfd_create("stdout", MFD_CLOEXEC)) < 0 ||
                   (errfd = memfd_create("stderr", MFD_CLOEXEC)) < 0) {
                snprintf(err, sizeof(err), "cannot make the job's stdio");
                goto done;
        }
        struct job_file f = {
            .name = script_name(x->language), .data = x->code, .len = x->code_len, .mode = 0644};
        struct job j = {.argv = x->argv,
                        .env = NULL,
                        .files = &f,
                        .n_files = 1,
                        .stdin_fd = in,
                        .stdout_fd = out,
                        .stderr_fd = errfd};
        r = pre ? 0 : S->be->exec(p->box, &j);
        if (r < 0) {
                snprintf(err, sizeof(err), "cannot start %s in the sandbox: %s", x->argv[0],
                         strerror(-r));
                goto done;
        }
        if (!pre)
                *start_ns = now_mono_ns();
        rc->cur = a;
        rc->t0 = *start_ns;
        metrics_observe(&S->metrics, x->warm ? &S->metrics.start_warm : &S->metrics.start_cold,
                        (double)(*start_ns - x->t_request_ns) / 1e9);
        rc->x = x;
        r = S->be->wait(p->box, rc->policy.sample_interval_ns, on_sample, rc, &u);
        if (r < 0) {
                snprintf(err, sizeof(err), "lost the sandbox: %s", strerror(-r));
                goto done;
        }
        if (pre) {
                feed(rc); /* closes the pipe if the code ended before reading it all */
                usage_since(&u, &s0, *start_ns - p->pre_started_ns);
        }
        outcome = outcome_of(&u);
        jout = read_output(out, S->cfg.limits.output_max, &truncated_out);
        jerr = read_output(errfd, S->cfg.limits.output_max, &truncated_err);
done:;
        json_t *o;
        *final = err[0] ? X_FAILED : X_DONE;
        pthread_mutex_lock(&S->exec_lock);
        o = base_json(x);
        pthread_mutex_unlock(&S->exec_lock);
        /* x->state changes with x->result (exec_main): a GET never sees "done" without it */
        json_object_set_new(o, "state", json_string(x_state_names[*final]));
        json_object_set_new(o, "sandbox_id", json_string(p->id));
        json_object_set_new(o, "class", p->klass[0] ? json_string(p->klass) : json_null());
        json_object_set_new(o, "runtime",
                            json_string(p->prestarted ? "prestarted"
                                        : x->warm     ? "warm"
                                                      : "cold"));
        json_object_set_new(o, "outcome", json_string(outcome));
        json_object_set_new(o, "prediction", json_incref(p->prediction));
        json_object_set_new(o, "allocation_timeline", json_incref(rc->timeline));
        json_object_set_new(o, "adjustments", json_incref(rc->adjustments));
        if (err[0]) {
                json_object_set_new(o, "error", json_string(err));
                json_object_set_new(o, "exit_code", json_null());
                json_decref(jout);
                json_decref(jerr);
        } else {
                json_object_set_new(o, "exit_code", json_integer(u.exit_code));
                json_object_set_new(o, "usage", usage_to_json(&u));
                json_object_set_new(o, "stdout", jout);
                json_object_set_new(o, "stderr", jerr);
                json_object_set_new(o, "stdout_truncated", json_boolean(truncated_out));
                json_object_set_new(o, "stderr_truncated", json_boolean(truncated_err));
                store_record(S, x, &u, outcome, rc->adjustments);
                if (u.oom_killed)
                        metrics_count(&S->metrics, &S->metrics.oom_kills);
                metrics_observe(&S->metrics, &S->metrics.exec_wall, (double)u.wall_ns / 1e9);
        }
        metrics_count(&S->metrics, &S->metrics.executions[outcome_index(outcome)]);
        return o;
}

static void *exec_main(void *arg)
{
        struct run_ctx *rc = arg;
        struct server *S = rc->S;
        struct execution *x = rc->x;
        uint64_t start = 0;
        enum x_state final = X_FAILED;
        rc->timeline = json_array();
        rc->adjustments = json_array();
        json_t *at = alloc_json(&x->sb->alloc);
        json_object_set_new(at, "at_ms", json_integer(0));
        json_array_append_new(rc->timeline, at);
        pthread_mutex_lock(&S->policy_lock);
        /* the class it was admitted in (gone from the policy since: the policy itself) */
        if (policy_for_class(&S->policy, x->sb->klass[0] ? x->sb->klass : NULL, &rc->policy) < 0)
                rc->policy = S->policy;
        pthread_mutex_unlock(&S->policy_lock);
        /* as `presize run`: never more than one sandbox may have on this host */
        struct policy_resource *pr = rc->policy.res;
        if (pr[RES_CPU].max > S->pool.host_millicores)
                pr[RES_CPU].max = S->pool.host_millicores;
        if (pr[RES_MEMORY].max > S->pool.host_memory)
                pr[RES_MEMORY].max = S->pool.host_memory;
        for (int k = 0; k < RES__COUNT; k++)
                if (pr[k].min > pr[k].max)
                        pr[k].min = pr[k].max;
        sample_window_init(&rc->w);
        json_t *jscore = json_object_get(x->sb->prediction, "complexity_score");
        control_demand_from(&x->sb->demand, json_string_value(jscore), &rc->demand);
        json_t *res = run(S, x, rc, &start, &final);
        json_decref(rc->timeline);
        json_decref(rc->adjustments);
        free(rc->pend);
        free(rc);
        if (start)
                json_object_set_new(res, "start_ms",
                                    json_real((double)(start - x->t_request_ns) / 1e6));
        struct pooled *p = x->sb;
        pool_remove(S, p);
        pooled_free(S, p);
        pthread_mutex_lock(&S->exec_lock);
        x->sb = NULL;
        x->state = final;
        x->result = res;
        free(x->code);
        x->code = NULL;
        free(x->stdin_data);
        x->stdin_data = NULL;
        struct MHD_Connection *c = x->conn;
        x->conn = NULL;
        if (c)
                MHD_resume_connection(c);
        pthread_mutex_unlock(&S->exec_lock);
        task_done(S);
        return NULL;
}

/* Keep the list bounded: drop the oldest finished executions nobody waits on. Under exec_lock. */
static void trim_locked(struct server *S)
{
        if (S->n_execs <= S->cfg.limits.max_executions)
                return;
        struct execution **pp = &S->execs;
        unsigned i = 0;
        while (*pp) {
                struct execution *x = *pp;
                if (++i > S->cfg.limits.max_executions && x->result && !x->waiter) {
                        *pp = x->next;
                        exec_free(x);
                        S->n_execs--;
                        continue;
                }
                pp = &x->next;
        }
}

static int build_argv(struct execution *x, json_t *args, struct reply *r)
{
        size_t n = args ? json_array_size(args) : 0;
        if (n > MAX_ARGS) {
                reply_error(r, 400, "too many args (64 at most)", "args");
                return -E2BIG;
        }
        x->argv = calloc(n + 3, sizeof(char *));
        if (!x->argv)
                return -ENOMEM;
        x->argv[0] = strdup(interpreter(x->language));
        x->argv[1] = strdup(script_name(x->language));
        for (size_t i = 0; i < n; i++)
                x->argv[i + 2] = strdup(json_string_value(json_array_get(args, i)));
        for (size_t i = 0; i < n + 2; i++)
                if (!x->argv[i])
                        return -ENOMEM;
        return 0;
}

int api_executions_post(struct server *S, struct MHD_Connection *c, struct request *rq,
                        struct reply *r)
{
        static const struct field fields[] = {
            {"notification_id", F_STRING, false},
            {"language", F_STRING, true},
            {"code", F_STRING, true},
            {"args", F_STRINGS, false},
            {"stdin", F_STRING, false},
            {"timeout", F_TIMEOUT, false},
            {"wait", F_BOOL, false},
            {"priority", F_INT, false},
            {"class", F_STRING, false},
            {"network", F_BOOL, false},
        };
        json_t *o = NULL;
        int ret = 0;
        struct execution *x = NULL;
        struct pooled *cold = NULL;
        if (body_object(rq, &o, r) < 0)
                return 0;
        if (check_fields(o, fields, sizeof(fields) / sizeof(fields[0]), r) < 0)
                goto out;
        const char *lang = json_string_value(json_object_get(o, "language"));
        if (!serve_language_runnable(lang)) {
                reply_error(r, 422, "language not runnable: python and javascript are", "language");
                goto out;
        }
        json_t *jc = json_object_get(o, "code");
        if (json_string_length(jc) == 0) {
                reply_error(r, 400, "code is empty", "code");
                goto out;
        }
        uint64_t timeout = S->cfg.limits.default_timeout_ns;
        json_t *jt = json_object_get(o, "timeout");
        if (jt && (parse_timeout(jt, &timeout) < 0 || timeout > S->cfg.limits.max_timeout_ns)) {
                reply_error(r, 400, "timeout: a positive duration up to the maximum (300s)",
                            "timeout");
                goto out;
        }
        struct pooled pick = {0};
        if (serve_pick_class(S, o, &pick, r) < 0)
                goto out;
        json_t *jw = json_object_get(o, "wait");
        bool wait = !jw || json_is_true(jw);
        x = calloc(1, sizeof(*x));
        if (!x)
                goto oom;
        x->t_request_ns = rq->t0;
        x->timeout_ns = timeout;
        snprintf(x->language, sizeof(x->language), "%s", lang);
        x->code_len = json_string_length(jc);
        x->code = malloc(x->code_len + 1);
        if (!x->code)
                goto oom;
        memcpy(x->code, json_string_value(jc), x->code_len + 1);
        json_t *js = json_object_get(o, "stdin");
        if (js) {
                x->stdin_len = json_string_length(js);
                x->stdin_data = strdup(json_string_value(js));
                if (!x->stdin_data)
                        goto oom;
        }
        int e = build_argv(x, json_object_get(o, "args"), r);
        if (e == -E2BIG)
                goto out;
        if (e < 0)
                goto oom;
        pthread_mutex_lock(&S->exec_lock);
        snprintf(x->id, sizeof(x->id), "ex-%llu", (unsigned long long)++S->next_exec);
        pthread_mutex_unlock(&S->exec_lock);

        const char *nid = json_string_value(json_object_get(o, "notification_id"));
        if (nid) {
                pthread_mutex_lock(&S->pool.lock);
                struct pooled *p = NULL;
                e = pool_claim_locked(S, nid, lang, x->id, &p);
                pthread_mutex_unlock(&S->pool.lock);
                if (e == -ENOENT) {
                        reply_error(r, 404, "unknown notification id", "notification_id");
                        goto out;
                }
                if (e == -EALREADY) {
                        reply_error(r, 409, "this notification's sandbox is claimed already",
                                    "notification_id");
                        goto out;
                }
                if (e == -ESTALE) {
                        reply_error(r, 410,
                                    "this notification's sandbox was evicted for a "
                                    "higher-priority notification",
                                    "notification_id");
                        goto out;
                }
                if (e == -EPROTO) {
                        reply_error(r, 422, "the notification announced another language",
                                    "language");
                        goto out;
                }
                snprintf(x->notification_id, sizeof(x->notification_id), "%s", nid);
                x->sb = p;
                x->warm = true;
                metrics_count(&S->metrics, &S->metrics.claims_warm);
        } else {
                struct notification n = {.language = lang};
                struct plan plan;
                bool want_net = json_is_true(json_object_get(o, "network"));
                if (want_net && !S->cfg.limits.n_allow) {
                        reply_error(r, 422,
                                    "this daemon lets served code reach nothing (--config "
                                    "allow_net)",
                                    "network");
                        goto out;
                }
                if (plan_make(S, &n, x->code, x->code_len, NULL, want_net, &plan) < 0) {
                        reply_error(r, 500, "prediction failed", NULL);
                        goto out;
                }
                cold = calloc(1, sizeof(*cold));
                if (!cold)
                        goto oom;
                cold->alloc = plan.alloc;
                cold->priority = pick.priority;
                cold->overcommit = pick.overcommit;
                memcpy(cold->klass, pick.klass, sizeof(cold->klass));
                cold->prediction = plan_to_json(&plan);
                cold->demand = plan.demand;
                cold->have_demand = plan.have_model;
                snprintf(cold->language, sizeof(cold->language), "%s", lang);
                snprintf(cold->exec_id, sizeof(cold->exec_id), "%s", x->id);
                if (pool_admit(S, cold) == -EBUSY) {
                        metrics_count(&S->metrics, &S->metrics.notifications_rejected);
                        reply_error(r, 429, "the host is full: try again later", NULL);
                        snprintf(r->retry_after, sizeof(r->retry_after), "%u",
                                 S->cfg.limits.retry_after_s);
                        goto out;
                }
                pthread_mutex_lock(&S->pool.lock);
                cold->state = SB_CLAIMED;
                pthread_mutex_unlock(&S->pool.lock);
                x->sb = cold;
                cold = NULL;
                metrics_count(&S->metrics, &S->metrics.claims_cold);
        }

        struct run_ctx *rc = malloc(sizeof(*rc));
        if (!rc) {
                /* Give the claimed sandbox back to nobody: it is destroyed. */
                pool_remove(S, x->sb);
                pooled_free(S, x->sb);
                x->sb = NULL;
                goto oom;
        }
        memset(rc, 0, sizeof(*rc));
        rc->S = S;
        rc->x = x;
        pthread_mutex_lock(&S->exec_lock);
        x->next = S->execs;
        S->execs = x;
        S->n_execs++;
        json_t *accepted = wait ? NULL : base_json(x);
        if (wait) {
                x->conn = c;
                x->waiter = true;
                rq->waiting = x;
                MHD_suspend_connection(c);
        }
        trim_locked(S);
        pthread_mutex_unlock(&S->exec_lock);
        if (task_spawn(S, exec_main, rc) < 0) {
                /* Only on resource exhaustion: fail it rather than run it on the HTTP thread. */
                free(rc);
                pool_remove(S, x->sb);
                pooled_free(S, x->sb);
                pthread_mutex_lock(&S->exec_lock);
                x->sb = NULL;
                x->state = X_FAILED;
                x->result = base_json(x);
                json_object_set_new(x->result, "error", json_string("cannot start a worker"));
                if (x->conn) {
                        MHD_resume_connection(x->conn);
                        x->conn = NULL;
                }
                pthread_mutex_unlock(&S->exec_lock);
        }
        x = NULL; /* the list owns it */
        if (wait)
                ret = 1;
        else
                reply_json(r, 202, accepted);
        goto out;
oom:
        reply_error(r, 500, "out of memory", NULL);
out:
        if (cold) {
                json_decref(cold->prediction);
                free(cold);
        }
        exec_free(x);
        json_decref(o);
        return ret;
}

int api_executions_get(struct server *S, const char *id, struct reply *r)
{
        pthread_mutex_lock(&S->exec_lock);
        struct execution *x = S->execs;
        while (x && strcmp(x->id, id))
                x = x->next;
        json_t *o = x ? (x->result ? json_incref(x->result) : base_json(x)) : NULL;
        pthread_mutex_unlock(&S->exec_lock);
        if (!o) {
                reply_error(r, 404, "unknown execution id", "id");
                return 0;
        }
        reply_json(r, 200, o);
        return 0;
}
