/* The warm pool of the Pre-Instantiation Manager: sandboxes created for notifications before their
 * execution requests arrive, keyed by notification id, with a TTL (the reaper destroys what nobody
 * claimed and counts it as waste), and the host capacity they take: the sum of the allocations of
 * every sandbox accounted for (warming, ready, claimed, running) never exceeds the host's CPU and
 * memory times the overcommit factor. A request that does not fit is refused (429), never
 * squeezed in, unless evicting unclaimed warm sandboxes of a strictly lower priority makes room.
 *
 * One mutex guards the list and the sums; sandboxes are created and destroyed outside it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "serve/internal.h"

const char *const sb_state_names[SB__COUNT] = {"warming", "ready", "claimed", "running", "failed"};

uint64_t now_mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static bool was_claimed(const struct pool *P, const char *nid)
{
        for (size_t i = 0; i < sizeof(P->claimed) / sizeof(P->claimed[0]); i++)
                if (P->claimed[i][0] && !strcmp(P->claimed[i], nid))
                        return true;
        return false;
}

static bool was_evicted(const struct pool *P, const char *nid)
{
        for (size_t i = 0; i < sizeof(P->evicted) / sizeof(P->evicted[0]); i++)
                if (P->evicted[i][0] && !strcmp(P->evicted[i], nid))
                        return true;
        return false;
}

/* Unclaimed and warm: what the policy's warm_pool.size counts. */
static bool unclaimed_warm(const struct pooled *q)
{
        return q->warm && q->notification_id[0] && !q->cancel &&
               (q->state == SB_WARMING || q->state == SB_READY);
}

static unsigned count_warm_locked(const struct pool *P)
{
        unsigned n = 0;
        for (const struct pooled *q = P->head; q; q = q->next)
                n += unclaimed_warm(q);
        return n;
}

/* The capacity p may be admitted into: the host x its class's overcommit (the policy's when it has
 * none). */
static uint64_t cap_for(const struct pool *P, const struct pooled *p, enum resource res)
{
        uint64_t base = res == RES_CPU ? P->base_millicores : P->base_memory;
        uint64_t cap = res == RES_CPU ? P->cap_millicores : P->cap_memory;
        return p->overcommit > 0 ? (uint64_t)((double)base * p->overcommit) : cap;
}

/* Whether p fits beside n sandboxes (nwarm of them unclaimed warm ones) holding mc and mem. */
static bool fits_locked(const struct server *S, const struct pooled *p, unsigned n, unsigned nwarm,
                        uint64_t mc, uint64_t mem)
{
        const struct pool *P = &S->pool;
        return n < S->cfg.limits.max_sandboxes && (!unclaimed_warm(p) || nwarm < P->warm_max) &&
               mc + p->alloc.cpu_millicores <= cap_for(P, p, RES_CPU) &&
               mem + p->alloc.memory_bytes <= cap_for(P, p, RES_MEMORY);
}

static bool evictable(const struct pooled *q, int priority)
{
        return unclaimed_warm(q) && !q->evict_mark && q->priority < priority;
}

void pool_apply_policy(struct server *S, const struct policy *pol)
{
        struct pool *P = &S->pool;
        pthread_mutex_lock(&P->lock);
        P->cap_millicores = (uint64_t)((double)P->base_millicores * pol->overcommit);
        P->cap_memory = (uint64_t)((double)P->base_memory * pol->overcommit);
        P->ttl_ns = pol->warm_ttl_ns;
        P->warm_max = pol->warm_size;
        pthread_mutex_unlock(&P->lock);
}

/* Make room for p by evicting unclaimed warm sandboxes of a strictly lower priority: the lowest
 * priority first, among equals the newest (the list is newest first). Nothing is evicted unless
 * the evictions make p fit. Ready ones are unlinked and chained on *dead for the caller to free
 * outside the lock; warming ones are unlinked and cancelled (their creator frees them). The number
 * evicted, or -EBUSY. Under the pool lock. */
static int evict_for_locked(struct server *S, const struct pooled *p, struct pooled **dead)
{
        struct pool *P = &S->pool;
        unsigned n = P->n, nwarm = count_warm_locked(P);
        uint64_t mc = P->used_millicores, mem = P->used_memory;
        int picked = 0;
        while (!fits_locked(S, p, n, nwarm, mc, mem)) {
                struct pooled *best = NULL;
                for (struct pooled *q = P->head; q; q = q->next)
                        if (evictable(q, p->priority) && (!best || q->priority < best->priority))
                                best = q;
                if (!best)
                        break;
                best->evict_mark = true;
                picked++;
                n--;
                nwarm--;
                mc -= best->alloc.cpu_millicores;
                mem -= best->alloc.memory_bytes;
        }
        bool ok = fits_locked(S, p, n, nwarm, mc, mem);
        for (struct pooled **pp = &P->head; *pp;) {
                struct pooled *q = *pp;
                if (!q->evict_mark) {
                        pp = &q->next;
                        continue;
                }
                q->evict_mark = false;
                if (!ok) {
                        pp = &q->next;
                        continue;
                }
                pool_unlink_locked(P, q); /* *pp is now its successor */
                snprintf(P->evicted[P->evicted_next], sizeof(P->evicted[0]), "%s",
                         q->notification_id);
                P->evicted_next =
                    (P->evicted_next + 1) % (sizeof(P->evicted) / sizeof(P->evicted[0]));
                if (q->warming_done) {
                        q->next = *dead;
                        *dead = q;
                } else {
                        q->cancel = true;
                }
        }
        return ok ? picked : -EBUSY;
}

int pool_admit(struct server *S, struct pooled *p)
{
        struct pool *P = &S->pool;
        int r = 0;
        pthread_mutex_lock(&P->lock);
        if (p->notification_id[0]) {
                for (struct pooled *q = P->head; q; q = q->next)
                        if (!strcmp(q->notification_id, p->notification_id)) {
                                r = -EEXIST;
                                break;
                        }
                if (!r && was_claimed(P, p->notification_id))
                        r = -EEXIST;
        }
        struct pooled *dead = NULL;
        int evicted = 0;
        /* a new entry is warming: p->state is not set yet */
        p->state = SB_WARMING;
        if (!r &&
            !fits_locked(S, p, P->n, count_warm_locked(P), P->used_millicores, P->used_memory)) {
                evicted = evict_for_locked(S, p, &dead);
                if (evicted < 0) /* what it was short of: the warm pool's size, or capacity */
                        r = unclaimed_warm(p) && count_warm_locked(P) >= P->warm_max ? -ENOSPC
                                                                                     : evicted;
        }
        if (!r) {
                if (p->notification_id[0])
                        for (size_t i = 0; i < sizeof(P->evicted) / sizeof(P->evicted[0]); i++)
                                if (!strcmp(P->evicted[i], p->notification_id))
                                        P->evicted[i][0] = '\0';
                snprintf(p->id, sizeof(p->id), "sb-%llu", (unsigned long long)++P->next_id);
                p->state = SB_WARMING;
                p->created_ns = now_mono_ns();
                p->next = P->head;
                P->head = p;
                P->n++;
                P->used_millicores += p->alloc.cpu_millicores;
                P->used_memory += p->alloc.memory_bytes;
        }
        if (evicted > 0)
                pthread_cond_broadcast(&P->changed);
        pthread_mutex_unlock(&P->lock);
        for (int i = 0; i < evicted; i++)
                metrics_count(&S->metrics, &S->metrics.evicted);
        while (dead) {
                struct pooled *q = dead;
                dead = q->next;
                pooled_free(S, q);
        }
        return r;
}

void pool_unlink_locked(struct pool *P, struct pooled *p)
{
        for (struct pooled **pp = &P->head; *pp; pp = &(*pp)->next)
                if (*pp == p) {
                        *pp = p->next;
                        P->n--;
                        P->used_millicores -= p->alloc.cpu_millicores;
                        P->used_memory -= p->alloc.memory_bytes;
                        p->next = NULL;
                        return;
                }
}

void pool_remove(struct server *S, struct pooled *p)
{
        pthread_mutex_lock(&S->pool.lock);
        pool_unlink_locked(&S->pool, p);
        pthread_cond_broadcast(&S->pool.changed);
        pthread_mutex_unlock(&S->pool.lock);
}

void pooled_free(struct server *S, struct pooled *p)
{
        if (!p)
                return;
        if (p->box)
                S->be->destroy(p->box); /* kills a waiting interpreter with the sandbox */
        if (p->prestarted)
                for (int *fd = &p->pre_in; fd <= &p->pre_err; fd++)
                        if (*fd >= 0)
                                close(*fd);
        json_decref(p->prediction);
        free(p);
}

/* The pre-started python: reads "CODE_LEN ARGS_LEN\n", the args (each ended by a NUL) and the
 * code from stdin, writes the code to /box/main.py (as a cold run has it: tracebacks show its
 * lines, code that reads its own file finds it), then runs it as __main__ of main.py; the rest of
 * stdin is the code's. It imports nothing beyond sys, so it costs what python3's own start-up
 * costs. */
static const char BOOTSTRAP_PY[] =
    "import sys\n"
    "b = sys.stdin.buffer\n"
    "h = b.readline().split()\n"
    "a = b.read(int(h[1])).split(b'\\0')[:-1] if h else []\n"
    "c = b.read(int(h[0])) if h else b''\n"
    "sys.argv = ['main.py'] + [x.decode('utf-8', 'surrogateescape') for x in a]\n"
    "g = {'__name__': '__main__', '__file__': 'main.py', '__builtins__': __builtins__}\n"
    "del a, b, h\n"
    "try:\n"
    "    with open('main.py', 'wb') as f: f.write(c)\n"
    "except OSError: pass\n"
    "exec(compile(c, 'main.py', 'exec'), g)\n";

/* The same for node: the code is written to /box/main.js (so that new Worker(__filename) and
 * require of itself work) and runs as that CommonJS module. Exact reads (the header byte by
 * byte), so that what is left in the pipe is the code's stdin. */
static const char BOOTSTRAP_JS[] =
    "const fs = require('fs'), M = require('module');\n"
    "function rd(n) {\n"
    "  const b = Buffer.alloc(n); let o = 0;\n"
    "  while (o < n) {\n"
    "    let k;\n"
    "    try { k = fs.readSync(0, b, o, n - o, null); }\n"
    "    catch (e) { if (e.code === 'EAGAIN') continue; throw e; }\n"
    "    if (k === 0) break;\n"
    "    o += k;\n"
    "  }\n"
    "  return b.subarray(0, o);\n"
    "}\n"
    "let h = '';\n"
    "for (;;) { const c = rd(1); if (!c.length || c[0] === 10) break; h += "
    "String.fromCharCode(c[0]); }\n"
    "const [cl, al] = h.split(' ').map(Number);\n"
    "const args = al ? rd(al).toString('utf8').split('\\0').slice(0, -1) : [];\n"
    "const code = cl ? rd(cl).toString('utf8') : '';\n"
    "try { fs.writeFileSync('/box/main.js', code); } catch (e) {}\n"
    "process.argv = [process.argv[0], '/box/main.js', ...args];\n"
    "const m = new M('/box/main.js', null);\n"
    "m.filename = '/box/main.js';\n"
    "m.paths = M._nodeModulePaths('/box');\n"
    "m.id = '.';\n"
    "process.mainModule = m;\n"
    "m._compile(code, '/box/main.js');\n";

/* Start the runtime of the entry's language (python, javascript) in its new sandbox, waiting for
 * the code on a pipe. 1 when started (the caller sets p->prestarted under the pool lock), 0 for a
 * language without a pre-start, or a negative errno; on failure nothing is kept and the sandbox
 * stays as created (an execution then runs the code as cold ones do). */
static int prestart(struct server *S, struct pooled *p, struct backend_box *box)
{
        bool js = !strcmp(p->language, "javascript");
        if (!S->cfg.limits.prestart || (!js && strcmp(p->language, "python")))
                return 0;
        int pfd[2];
        if (pipe2(pfd, O_CLOEXEC) < 0)
                return -errno;
        /* room for the header, the code and a usual stdin without waiting on the reader */
        (void)fcntl(pfd[1], F_SETPIPE_SZ, 1 << 20);
        int out = memfd_create("stdout", MFD_CLOEXEC);
        int err = out < 0 ? -1 : memfd_create("stderr", MFD_CLOEXEC);
        int r = err < 0 ? -errno : 0;
        if (!r) {
                char *argv[] = {js ? "/usr/bin/node" : "/usr/bin/python3", js ? "-e" : "-c",
                                (char *)(js ? BOOTSTRAP_JS : BOOTSTRAP_PY), NULL};
                struct job j = {
                    .argv = argv, .stdin_fd = pfd[0], .stdout_fd = out, .stderr_fd = err};
                p->pre_exec_ns = now_mono_ns();
                r = S->be->exec(box, &j);
                p->pre_started_ns = now_mono_ns();
        }
        close(pfd[0]);
        if (r < 0) {
                close(pfd[1]);
                if (out >= 0)
                        close(out);
                if (err >= 0)
                        close(err);
                return r;
        }
        p->pre_in = pfd[1];
        p->pre_out = out;
        p->pre_err = err;
        return 1;
}

/* Sandboxes are created by a few long-lived creator threads, not by short-lived workers: the
 * sandbox's init is tied to the thread that cloned it (PR_SET_PDEATHSIG fires when that thread
 * exits), so the thread that creates a warm sandbox must outlive it. */
static void warm_one(struct server *S, struct pooled *p)
{
        struct backend_box *box = NULL;
        pthread_mutex_lock(&S->pool.lock);
        bool cancelled = p->cancel; /* evicted (or deleted) while queued */
        pthread_mutex_unlock(&S->pool.lock);
        /* Stopping: what is still queued is not created (it would be destroyed at once). */
        int r =
            atomic_load(&S->stopping) || cancelled ? -ECANCELED : S->be->create(&p->alloc, &box);
        /* on failure: a warm sandbox without a runtime, as for other languages */
        bool pre = r == 0 && !atomic_load(&S->stopping) && prestart(S, p, box) > 0;
        uint64_t now = now_mono_ns();
        bool drop = false;
        pthread_mutex_lock(&S->pool.lock);
        if (r < 0) {
                if (p->state == SB_WARMING)
                        p->state = SB_FAILED;
                snprintf(p->error, sizeof(p->error), "cannot create the sandbox: %s", strerror(-r));
        } else {
                p->box = box;
                p->prestarted = pre;
                p->ready_ns = now;
                if (p->state == SB_WARMING)
                        p->state = SB_READY;
        }
        p->warming_done = true;
        p->expires_ns = now + S->pool.ttl_ns;
        if (p->cancel && p->state != SB_CLAIMED) {
                pool_unlink_locked(&S->pool, p);
                drop = true;
        }
        pthread_cond_broadcast(&S->pool.changed);
        pthread_mutex_unlock(&S->pool.lock);
        if (r == 0)
                metrics_observe(&S->metrics, &S->metrics.to_ready,
                                (double)(now - p->created_ns) / 1e9);
        else if (!cancelled)
                metrics_count(&S->metrics, &S->metrics.create_failures);
        if (drop)
                pooled_free(S, p);
}

static void *creator_main(void *arg)
{
        struct server *S = arg;
        struct pool *P = &S->pool;
        pthread_mutex_lock(&P->lock);
        for (;;) {
                while (!P->queue && !P->creators_stop)
                        pthread_cond_wait(&P->queued, &P->lock);
                if (!P->queue)
                        break;
                struct pooled *p = P->queue;
                P->queue = p->qnext;
                if (!P->queue)
                        P->queue_tail = NULL;
                p->qnext = NULL;
                pthread_mutex_unlock(&P->lock);
                warm_one(S, p);
                pthread_mutex_lock(&P->lock);
        }
        pthread_mutex_unlock(&P->lock);
        return NULL;
}

int pool_start_creators(struct server *S)
{
        for (unsigned i = 0; i < POOL_CREATORS; i++) {
                int r = pthread_create(&S->pool.creators[i], NULL, creator_main, S);
                if (r)
                        return -r;
                S->pool.n_creators++;
        }
        return 0;
}

/* Joins the creators after they emptied the queue. */
void pool_stop_creators(struct server *S)
{
        pthread_mutex_lock(&S->pool.lock);
        S->pool.creators_stop = true;
        pthread_cond_broadcast(&S->pool.queued);
        pthread_mutex_unlock(&S->pool.lock);
        for (unsigned i = 0; i < S->pool.n_creators; i++)
                pthread_join(S->pool.creators[i], NULL);
        S->pool.n_creators = 0;
}

int pool_warm(struct server *S, struct pooled *p)
{
        struct pool *P = &S->pool;
        pthread_mutex_lock(&P->lock);
        p->qnext = NULL;
        if (P->queue_tail)
                P->queue_tail->qnext = p;
        else
                P->queue = p;
        P->queue_tail = p;
        pthread_cond_signal(&P->queued);
        pthread_mutex_unlock(&P->lock);
        return 0;
}

int pool_claim_locked(struct server *S, const char *nid, const char *lang, const char *exec_id,
                      struct pooled **out)
{
        struct pool *P = &S->pool;
        if (!nid[0])
                return -ENOENT;
        for (struct pooled *q = P->head; q; q = q->next) {
                if (!q->notification_id[0] || strcmp(q->notification_id, nid))
                        continue;
                if (q->state == SB_CLAIMED || q->state == SB_RUNNING || q->cancel)
                        return -EALREADY;
                if (strcmp(q->language, lang))
                        return -EPROTO;
                q->state = SB_CLAIMED;
                snprintf(q->exec_id, sizeof(q->exec_id), "%s", exec_id);
                snprintf(P->claimed[P->claimed_next], sizeof(P->claimed[0]), "%s", nid);
                P->claimed_next =
                    (P->claimed_next + 1) % (sizeof(P->claimed) / sizeof(P->claimed[0]));
                *out = q;
                return 0;
        }
        return was_claimed(P, nid) ? -EALREADY : was_evicted(P, nid) ? -ESTALE : -ENOENT;
}

/* Memory and CPU are accounted; the network rate is not (served sandboxes have loopback only). */
int pool_reaccount(struct server *S, struct pooled *p, enum resource res, uint64_t to)
{
        struct pool *P = &S->pool;
        int r = 0;
        pthread_mutex_lock(&P->lock);
        uint64_t *field = res == RES_CPU      ? &p->alloc.cpu_millicores
                          : res == RES_MEMORY ? &p->alloc.memory_bytes
                                              : &p->alloc.net_rate_bps;
        uint64_t *used = res == RES_CPU      ? &P->used_millicores
                         : res == RES_MEMORY ? &P->used_memory
                                             : NULL;
        uint64_t cap = cap_for(P, p, res == RES_CPU ? RES_CPU : RES_MEMORY);
        uint64_t one = res == RES_CPU ? P->host_millicores : P->host_memory;
        if (used && to > *field)
                r = to > one ? -E2BIG : *used - *field + to > cap ? -EBUSY : 0;
        if (!r) {
                if (used)
                        *used = *used - *field + to;
                *field = to;
        }
        pthread_mutex_unlock(&P->lock);
        return r;
}

void pool_wait_ready(struct server *S, struct pooled *p)
{
        pthread_mutex_lock(&S->pool.lock);
        while (!p->warming_done)
                pthread_cond_wait(&S->pool.changed, &S->pool.lock);
        pthread_mutex_unlock(&S->pool.lock);
}

/* The reaper wakes every 100 ms (or when told to stop) and destroys ready sandboxes past their
 * TTL: the waste of a notification that was never followed by its execution. */
static void *reaper_main(void *arg)
{
        struct server *S = arg;
        struct pool *P = &S->pool;
        pthread_mutex_lock(&P->lock);
        while (!atomic_load(&S->stopping)) {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                ts.tv_nsec += 100000000L;
                if (ts.tv_nsec >= 1000000000L) {
                        ts.tv_sec++;
                        ts.tv_nsec -= 1000000000L;
                }
                pthread_cond_timedwait(&S->reaper_wake, &P->lock, &ts);
                uint64_t now = now_mono_ns();
                struct pooled *dead = NULL;
                for (struct pooled **pp = &P->head; *pp;) {
                        struct pooled *q = *pp;
                        if ((q->state == SB_READY || q->state == SB_FAILED) && q->warming_done &&
                            now >= q->expires_ns) {
                                *pp = q->next;
                                P->n--;
                                P->used_millicores -= q->alloc.cpu_millicores;
                                P->used_memory -= q->alloc.memory_bytes;
                                q->next = dead;
                                dead = q;
                                continue;
                        }
                        pp = &q->next;
                }
                if (!dead)
                        continue;
                pthread_mutex_unlock(&P->lock);
                while (dead) {
                        struct pooled *q = dead;
                        dead = q->next;
                        if (q->state == SB_READY)
                                metrics_count(&S->metrics, &S->metrics.expired);
                        pooled_free(S, q);
                }
                pthread_mutex_lock(&P->lock);
        }
        pthread_mutex_unlock(&P->lock);
        return NULL;
}

int pool_start_reaper(struct server *S)
{
        int r = pthread_create(&S->reaper, NULL, reaper_main, S);
        if (r)
                return -r;
        S->reaper_started = true;
        return 0;
}

void pool_stop_reaper(struct server *S)
{
        if (!S->reaper_started)
                return;
        atomic_store(&S->stopping, true); /* also on a failed start, when nothing else set it */
        pthread_mutex_lock(&S->pool.lock);
        pthread_cond_broadcast(&S->reaper_wake);
        pthread_mutex_unlock(&S->pool.lock);
        pthread_join(S->reaper, NULL);
        S->reaper_started = false;
}

void pool_destroy_all(struct server *S)
{
        pthread_mutex_lock(&S->pool.lock);
        struct pooled *all = S->pool.head;
        S->pool.head = NULL;
        S->pool.n = 0;
        S->pool.used_millicores = S->pool.used_memory = 0;
        pthread_mutex_unlock(&S->pool.lock);
        while (all) {
                struct pooled *q = all;
                all = q->next;
                pooled_free(S, q);
        }
}

json_t *pooled_to_json(const struct pooled *p, uint64_t now)
{
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(p->id));
        json_object_set_new(o, "notification_id",
                            p->notification_id[0] ? json_string(p->notification_id) : json_null());
        json_object_set_new(o, "state", json_string(sb_state_names[p->state]));
        json_object_set_new(o, "warm", json_boolean(p->warm));
        json_object_set_new(o, "runtime", json_string(p->prestarted ? "prestarted" : "none"));
        json_object_set_new(o, "language", json_string(p->language));
        json_object_set_new(o, "priority", json_integer(p->priority));
        json_object_set_new(o, "class", p->klass[0] ? json_string(p->klass) : json_null());
        json_object_set_new(o, "allocation", alloc_json(&p->alloc));
        json_object_set_new(o, "age_ms",
                            json_integer((json_int_t)((now - p->created_ns) / 1000000)));
        if (p->state == SB_READY && p->expires_ns > now)
                json_object_set_new(o, "expires_in_ms",
                                    json_integer((json_int_t)((p->expires_ns - now) / 1000000)));
        if (p->ready_ns)
                json_object_set_new(o, "ready_after_ms",
                                    json_real((double)(p->ready_ns - p->created_ns) / 1e6));
        if (p->exec_id[0])
                json_object_set_new(o, "execution_id", json_string(p->exec_id));
        if (p->error[0])
                json_object_set_new(o, "error", json_string(p->error));
        return o;
}
