/* One prediction for the CLI (oneshot.h): shared by `presize predict` and `presize run`. */
#include "predict/oneshot.h"
#include "predict/locate.h"
#include "store/sha256.h"
#include "util/cleanup.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TIERS   16
#define MAX_HISTORY 32

int oneshot_read_source(const char *path, char **out, size_t *len)
{
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        size_t cap = 65536, n = 0;
        char *buf = malloc(cap);
        int ret = buf ? 0 : -ENOMEM;
        size_t got;
        while (ret == 0 && (got = fread(buf + n, 1, cap - n, f)) > 0) {
                n += got;
                if (n < cap)
                        continue;
                char *nb = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
                if (!nb) {
                        ret = cap < (64u << 20) ? -ENOMEM : -EFBIG;
                        break;
                }
                buf = nb;
                cap *= 2;
        }
        if (ret == 0 && ferror(f))
                ret = -EIO;
        fclose(f);
        if (ret < 0) {
                free(buf);
                return ret;
        }
        *len = n;
        *out = buf;
        return 0;
}

void known_imports(const struct model *m, const char *imports, char *buf, size_t len)
{
        buf[0] = '\0';
        for (const char *p = imports; p && *p;) {
                const char *e = strchr(p, ',');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                char name[128];
                snprintf(name, sizeof(name), "%.*s", (int)l, p);
                if (model_knows(&m->libraries, name)) {
                        size_t cur = strlen(buf);
                        snprintf(buf + cur, len - cur, "%s%s", cur ? "," : "", name);
                }
                p = e ? e + 1 : p + l;
        }
}

static int load_model(const char *cmd, const char *model_path, struct store *s, struct model **m)
{
        const char *why = NULL;
        int r;
        if (model_path) {
                r = model_load_file(model_path, m, &why);
                if (r < 0) {
                        fprintf(stderr, "presize %s: cannot use the model %s: %s\n", cmd,
                                model_path, why ? why : strerror(-r));
                        return 1;
                }
                return 0;
        }
        r = s ? model_from_store(s, m, &why) : -ENOENT;
        if (r < 0 && r != -ENOENT) {
                fprintf(stderr, "presize %s: the store's model is unusable (%s)\n", cmd,
                        why ? why : strerror(-r));
                return 1;
        }
        if (r == 0)
                return 0;
        char shipped[4096];
        r = model_shipped(m, shipped, sizeof(shipped), &why);
        if (r == -ENOENT) {
                fprintf(stderr,
                        "presize %s: no model: the store has none and no shipped "
                        "models/default.json was found; run 'presize train' or give --model "
                        "FILE\n",
                        cmd);
                return 1;
        }
        if (r < 0) {
                fprintf(stderr, "presize %s: the shipped model %s is unusable: %s\n", cmd, shipped,
                        why ? why : strerror(-r));
                return 1;
        }
        fprintf(stderr, "presize %s: the store has no model: using the shipped model (%s)\n", cmd,
                shipped);
        return 0;
}

static int predict_code(const struct oneshot_request *rq, struct model *m, struct store *s,
                        struct notification *n, struct oneshot *out)
{
        char libs_buf[1024];
        int r = oneshot_read_source(rq->file, &out->src, &out->len);
        if (r < 0) {
                fprintf(stderr, "presize %s: cannot read %s: %s\n", rq->cmd, rq->file,
                        strerror(-r));
                return 1;
        }
        _cleanup_free_ double *v = calloc(code_len(), sizeof(double));
        struct analyzer *an = NULL;
        _cleanup_free_ char *imports = NULL;
        const char *detected = NULL;
        r = v ? code_analyzer_new(&an) : -ENOMEM;
        if (r == 0) {
                struct code_input in = {
                    .path = rq->file, .lang = n->language, .src = out->src, .len = out->len};
                r = code_from_source(an, &in, n, v, &detected, &imports);
                code_analyzer_free(an);
        }
        if (r == 0) {
                if (!n->language)
                        n->language = out->language = detected;
                if (!n->libraries && imports) {
                        known_imports(m, imports, libs_buf, sizeof(libs_buf));
                        if (libs_buf[0]) {
                                n->libraries = libs_buf;
                                /* the library bag changes: so does the metadata block that
                                 * leads the code vector */
                                double meta[META_LEN];
                                meta_vector(n, meta);
                                memcpy(v, meta, sizeof(meta));
                        }
                }
                r = model_predict(m, n, v, &out->demand);
        } else {
                fprintf(stderr,
                        "presize %s: cannot analyse %s (%s): predicting from the metadata only\n",
                        rq->cmd, rq->file,
                        r == -ENOPKG ? "unknown language; give --lang" : code_strerror(r));
                r = model_predict(m, n, NULL, &out->demand);
                out->demand.low_confidence = true;
        }
        n->libraries = rq->n.libraries; /* libs_buf goes out of scope */
        if (r == 0 && s) {
                char hex[SHA256_HEX_LEN];
                sha256_hex(out->src, out->len, hex);
                struct usage hist[MAX_HISTORY];
                size_t nh = 0;
                if (store_runs_by_hash(s, hex, hist, MAX_HISTORY, &nh) == 0 && nh > 0)
                        demand_blend_history(&out->demand, m, hist, nh);
        }
        return r;
}

int oneshot_predict(const struct oneshot_request *rq, struct oneshot *out)
{
        memset(out, 0, sizeof(*out));
        out->language = rq->n.language;
        /* The store: the one named, or the default one when it exists (predicting never creates
         * a store). */
        struct store *s = NULL;
        const char *path = rq->db ? rq->db : store_default_path();
        if (rq->db || access(path, F_OK) == 0) {
                int st = cli_open_store(rq->cmd, path, &s);
                if (st && rq->db)
                        return st;
        }
        struct model *m = NULL;
        int st = load_model(rq->cmd, rq->model_path, s, &m);
        if (st) {
                store_close(s);
                return st;
        }
        struct notification n = rq->n;
        int r =
            rq->file ? predict_code(rq, m, s, &n, out) : model_predict(m, &n, NULL, &out->demand);
        if (r > 0) {
                model_free(m);
                store_close(s);
                oneshot_free(out);
                return r;
        }
        if (r < 0) {
                fprintf(stderr, "presize %s: prediction failed: %s\n", rq->cmd, strerror(-r));
                model_free(m);
                store_close(s);
                oneshot_free(out);
                return 1;
        }
        struct tier tiers[MAX_TIERS];
        size_t nt = 0;
        if (!s || store_tiers_list(s, tiers, MAX_TIERS, &nt) < 0 || nt == 0)
                nt = default_tiers(tiers, MAX_TIERS);
        size_t ti = tier_for(tiers, nt, &out->demand);
        out->score = complexity_score(tiers, nt, ti);
        out->tier = tiers[ti];
        allocation_for(&out->demand, &tiers[ti], &out->alloc, &out->gpu);
        out->coverage = m->coverage;
        model_free(m);
        store_close(s);
        return 0;
}

void oneshot_free(struct oneshot *o)
{
        free(o->src);
        o->src = NULL;
        o->len = 0;
}

static json_t *est_json(struct estimate e, bool integer)
{
        if (integer)
                return json_pack("{s:I, s:I}", "point", (json_int_t)(e.point + 0.5), "upper",
                                 (json_int_t)(e.upper + 0.5));
        return json_pack("{s:f, s:f}", "point", e.point, "upper", e.upper);
}

json_t *oneshot_to_json(const struct oneshot *o)
{
        const struct demand *d = &o->demand;
        const struct alloc *a = &o->alloc;
        return json_pack(
            "{s:s, s:s, s:s, s:b, s:{s:o, s:o, s:o, s:o, s:o}, s:{s:I, s:I, s:I, s:b}}", "tier",
            o->tier.name, "complexity_score", o->score, "mode", mode_names[d->mode],
            "low_confidence", d->low_confidence, "demand", "cpu_millicores",
            est_json(d->cpu_millicores, true), "memory_bytes", est_json(d->memory_bytes, true),
            "net_rate_bps", est_json(d->net_rate_bps, true), "cpu_seconds",
            est_json(d->cpu_seconds, false), "wall_seconds", est_json(d->wall_seconds, false),
            "allocation", "cpu_millicores", (json_int_t)a->cpu_millicores, "memory_bytes",
            (json_int_t)a->memory_bytes, "net_rate_bps", (json_int_t)a->net_rate_bps, "gpu",
            o->gpu);
}
