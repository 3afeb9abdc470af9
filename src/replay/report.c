/* presize replay --report DIR: one self-contained HTML page (inline SVG, no script, no network),
 * in the style of `presize eval --report`: memory slack against OOM rate per policy, allocation
 * against use over time (the cluster, and a few sampled functions), cold starts and hosts, then
 * the numbers. */
#include "replay/replay.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const colors[RP__COUNT] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};

static void svg_open(FILE *f, double W, double H)
{
        fprintf(f,
                "<figure><svg width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f' "
                "xmlns='http://www.w3.org/2000/svg' font-family='sans-serif'>\n",
                W, H, W, H);
}

static void legend(FILE *f, const struct replay_run *r, double x, double y, bool used)
{
        for (int p = 0; p < RP__COUNT; p++) {
                if (!r->res[p].ran)
                        continue;
                fprintf(f,
                        "<rect x='%.0f' y='%.0f' width='10' height='10' fill='%s'/>"
                        "<text x='%.0f' y='%.0f' font-size='10'>%s</text>\n",
                        x, y, colors[p], x + 14, y + 9, replay_policy_names[p]);
                x += 70;
        }
        if (used)
                fprintf(f,
                        "<line x1='%.0f' y1='%.0f' x2='%.0f' y2='%.0f' stroke='#000' "
                        "stroke-dasharray='3 2'/><text x='%.0f' y='%.0f' font-size='10'>used"
                        "</text>\n",
                        x, y + 5, x + 12, y + 5, x + 16, y + 9);
}

/* Memory slack (allocated / used - 1) against OOM kills per 1,000 invocations. */
static void slack_vs_oom(FILE *f, const struct replay_run *r)
{
        const double W = 480, H = 320, pad = 50, top = 20, right = 40;
        double xmax = 0, ymax = 0;
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *x = &r->res[p];
                if (!x->ran || x->used_gib_s <= 0)
                        continue;
                xmax = fmax(xmax, x->alloc_gib_s / x->used_gib_s - 1);
                ymax = fmax(ymax, x->invocations
                                      ? 1000.0 * (double)x->oom_kills / (double)x->invocations
                                      : 0);
        }
        xmax = xmax > 0 ? xmax * 1.15 : 1;
        ymax = ymax > 0 ? ymax * 1.2 : 1;
        svg_open(f, W, H);
        fprintf(
            f,
            "<rect x='%.0f' y='%.0f' width='%.0f' height='%.0f' fill='#fafafa' stroke='#ccc'/>\n",
            pad, top, W - pad - right, H - pad - top);
#define SX(v) (pad + (v) / xmax * (W - pad - right))
#define SY(v) (H - pad - (v) / ymax * (H - pad - top))
        for (int g = 0; g <= 4; g++) {
                double xv = xmax * g / 4, yv = ymax * g / 4;
                fprintf(f,
                        "<text x='%.1f' y='%.0f' font-size='9' text-anchor='middle'>%.0f%%</text>"
                        "<text x='%.0f' y='%.1f' font-size='9' text-anchor='end'>%.3g</text>\n",
                        SX(xv), H - pad + 12, xv * 100, pad - 4, SY(yv) + 3, yv);
        }
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *x = &r->res[p];
                if (!x->ran || x->used_gib_s <= 0)
                        continue;
                double sx = x->alloc_gib_s / x->used_gib_s - 1;
                double sy =
                    x->invocations ? 1000.0 * (double)x->oom_kills / (double)x->invocations : 0;
                fprintf(f,
                        "<circle cx='%.1f' cy='%.1f' r='6' fill='%s'/>"
                        "<text x='%.1f' y='%.1f' font-size='11'>%s</text>\n",
                        SX(sx), SY(sy), colors[p], SX(sx) + 8, SY(sy) - 6, replay_policy_names[p]);
        }
#undef SX
#undef SY
        fprintf(f,
                "<text x='%.0f' y='%.0f' font-size='10' text-anchor='middle'>memory slack "
                "(allocated / used - 1)</text>"
                "<text x='12' y='%.0f' font-size='10' transform='rotate(-90 12 %.0f)' "
                "text-anchor='middle'>OOM kills per 1,000 invocations</text>\n",
                pad + (W - pad) / 2, H - 14, H / 2, H / 2);
        fprintf(f, "</svg><figcaption>Slack against OOM rate: down and to the left is better"
                   "</figcaption></figure>\n");
}

/* Lines over the trace's minutes, averaged into at most 288 points, on a log scale (the
 * policies differ by factors): mean memory allocated per policy, and used (dashed). */
static double point_of(const double *a, uint32_t m, uint32_t step, uint32_t i)
{
        double s = 0;
        for (uint32_t j = i * step; j < m && j < (i + 1) * step; j++)
                s += a[j];
        return s / step / 60.0;
}

static void over_time(FILE *f, const struct replay_run *r, const double *const *alloc,
                      const double *used, const char *caption)
{
        const double W = 720, H = 260, pad = 56, top = 24;
        uint32_t m = r->minutes;
        uint32_t step = m > 288 ? (m + 287) / 288 : 1;
        uint32_t npt = (m + step - 1) / step;
        double ymax = 0, ymin = INFINITY;
        for (uint32_t i = 0; i < npt; i++)
                for (int p = -1; p < RP__COUNT; p++) {
                        const double *a = p < 0 ? used : alloc[p];
                        if (!a)
                                continue;
                        double v = point_of(a, m, step, i);
                        ymax = fmax(ymax, v);
                        if (v > 0)
                                ymin = fmin(ymin, v);
                }
        if (!(ymax > 0)) {
                ymax = 1;
                ymin = 0.1;
        }
        double l1 = ceil(log10(ymax)), l0 = floor(log10(fmax(ymin, ymax * 1e-6)));
        if (l1 <= l0)
                l1 = l0 + 1;
        svg_open(f, W, H);
        fprintf(f,
                "<rect x='%.0f' y='%.0f' width='%.0f' height='%.0f' fill='#fafafa' "
                "stroke='#ccc'/>\n",
                pad, top, W - pad - 10, H - pad - top);
#define SX(i) (pad + ((double)(i) + 0.5) / (double)npt * (W - pad - 10))
#define SY(v) (H - pad - (log10(fmax(v, pow(10, l0))) - l0) / (l1 - l0) * (H - pad - top))
        for (double d = l0; d <= l1; d++)
                fprintf(f,
                        "<line x1='%.0f' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                        "<text x='%.0f' y='%.1f' font-size='9' text-anchor='end'>%g</text>\n",
                        pad, W - 10, SY(pow(10, d)), SY(pow(10, d)), pad - 4, SY(pow(10, d)) + 3,
                        pow(10, d));
        for (uint32_t h = 0; h * 60 < m; h += (m > 1440 ? 24 : 3))
                fprintf(f,
                        "<text x='%.1f' y='%.0f' font-size='9' text-anchor='middle'>%uh</text>\n",
                        pad + (double)h * 60 / m * (W - pad - 10), H - pad + 12, h);
        for (int p = -1; p < RP__COUNT; p++) {
                const double *a = p < 0 ? used : alloc[p];
                if (!a)
                        continue;
                fprintf(f, "<polyline fill='none' stroke='%s' stroke-width='%s'%s points='",
                        p < 0 ? "#000" : colors[p], p < 0 ? "1.2" : "1.5",
                        p < 0 ? " stroke-dasharray='3 2'" : "");
                for (uint32_t i = 0; i < npt; i++)
                        fprintf(f, "%.1f,%.1f ", SX(i), SY(point_of(a, m, step, i)));
                fprintf(f, "'/>\n");
        }
#undef SX
#undef SY
        legend(f, r, pad, 6, true);
        fprintf(f,
                "<text x='12' y='%.0f' font-size='10' transform='rotate(-90 12 %.0f)' "
                "text-anchor='middle'>memory, GiB (mean, log scale)</text>\n",
                H / 2, H / 2);
        fprintf(f, "</svg><figcaption>%s</figcaption></figure>\n", caption);
}

/* One bar per policy. */
static void bars(FILE *f, const struct replay_run *r, const char *title, int which)
{
        const double W = 360, H = 220, pad = 50, top = 16;
        double v[RP__COUNT], vmax = 0;
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *x = &r->res[p];
                v[p] = which == 0 ? (double)x->cold_starts : (double)x->hosts;
                if (x->ran)
                        vmax = fmax(vmax, v[p]);
        }
        vmax = vmax > 0 ? vmax * 1.15 : 1;
        svg_open(f, W, H);
        double bw = (W - pad) / RP__COUNT;
        for (int p = 0; p < RP__COUNT; p++) {
                if (!r->res[p].ran)
                        continue;
                double h = v[p] / vmax * (H - pad - top);
                double x = pad + bw * p + bw * 0.15;
                fprintf(f,
                        "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'/>"
                        "<text x='%.1f' y='%.1f' font-size='10' text-anchor='middle'>%.0f</text>"
                        "<text x='%.1f' y='%.0f' font-size='10' text-anchor='middle'>%s</text>\n",
                        x, H - pad - h, bw * 0.7, h, colors[p], x + bw * 0.35, H - pad - h - 3,
                        v[p], x + bw * 0.35, H - pad + 14, replay_policy_names[p]);
        }
        fprintf(f, "</svg><figcaption>%s</figcaption></figure>\n", title);
}

static void esc(FILE *f, const char *s)
{
        for (; *s; s++) {
                if (*s == '<')
                        fputs("&lt;", f);
                else if (*s == '&')
                        fputs("&amp;", f);
                else if (*s == '>')
                        fputs("&gt;", f);
                else
                        fputc(*s, f);
        }
}

int replay_report(const char *dir, const struct replay_trace *t, const struct replay_opts *o,
                  const struct replay_run *r)
{
        int ret = mkdir_p(dir);
        if (ret < 0)
                return ret;
        char path[4096];
        snprintf(path, sizeof(path), "%s/index.html", dir);
        _cleanup_fclose_ FILE *f = fopen(path, "we");
        if (!f)
                return -errno;
        fprintf(f, "<!doctype html>\n<html><head><meta charset='utf-8'><title>presize replay"
                   "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
                   "color:#222}figure{display:inline-block;margin:0.5em}figcaption{font-size:"
                   "12px;color:#555;max-width:700px}table{border-collapse:collapse;font-size:"
                   "13px}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}"
                   "th{background:#f4f4f4}</style></head><body>\n<h1>presize replay</h1>\n<p>");
        esc(f, t->source);
        fprintf(f,
                ": %zu functions, %llu invocations over %u minutes; hosts of %.3g CPU and %.3g "
                "GiB; seed %llu; keep-alive %.0f s, notification lead %.3g s, creation %.3g s. "
                "The model and its assumptions: docs/replay.md.</p>\n",
                t->n_fns, (unsigned long long)t->invocations, t->minutes,
                (double)o->host_cpu_m / 1000, (double)o->host_mem / 1073741824.0,
                (unsigned long long)o->seed, (double)o->keepalive_ns / 1e9,
                (double)o->lead_ns / 1e9, (double)o->create_ns / 1e9);
        fprintf(f, "<h2>Slack and OOM kills</h2>\n");
        slack_vs_oom(f, r);
        bars(f, r, "Cold starts (presize: pre-instantiated on the notification)", 0);
        bars(f, r, "Hosts needed at the peak (first fit)", 1);
        fprintf(f, "<h2>Allocation against use over time</h2>\n");
        const double *alloc[RP__COUNT] = {0};
        const double *used = NULL;
        for (int p = 0; p < RP__COUNT; p++)
                if (r->res[p].ran) {
                        alloc[p] = r->res[p].minute_alloc_gib_s;
                        if (!used || p == RP_ORACLE)
                                used = r->res[p].minute_used_gib_s;
                }
        over_time(f, r, alloc, used, "The whole cluster: memory allocated per policy, and used");
        for (size_t k = 0; k < r->n_sampled; k++) {
                const double *fa[RP__COUNT] = {0};
                const double *fu = NULL;
                for (int p = 0; p < RP__COUNT; p++)
                        if (r->res[p].ran && r->res[p].fn_alloc) {
                                fa[p] = r->res[p].fn_alloc + k * r->minutes;
                                if (!fu || p == RP_ORACLE)
                                        fu = r->res[p].fn_used + k * r->minutes;
                        }
                const struct replay_fn *fn = &t->fns[r->sampled[k]];
                char cap[160];
                snprintf(cap, sizeof(cap),
                         "Function %s (%llu invocations, median duration %.0f ms, median "
                         "memory %.0f MiB)",
                         fn->name, (unsigned long long)fn->invocations, fn->dur_ms[3],
                         fn->mem_mib[3]);
                over_time(f, r, fa, fu, cap);
        }
        fprintf(f, "<h2>The numbers</h2>\n<table><tr><th>policy</th><th>allocated core-s</th>"
                   "<th>used core-s</th><th>CPU slack</th><th>allocated GiB-s</th><th>used "
                   "GiB-s</th><th>memory slack</th><th>OOM kills</th><th>throttled s</th>"
                   "<th>cold starts</th><th>hosts</th><th>adjustments</th></tr>\n");
        for (int p = 0; p < RP__COUNT; p++) {
                const struct replay_result *x = &r->res[p];
                if (!x->ran)
                        continue;
                fprintf(f,
                        "<tr><th>%s</th><td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%.0f</td>"
                        "<td>%.0f</td><td>%.0f</td><td>%llu</td><td>%.0f</td><td>%llu</td>"
                        "<td>%llu</td><td>%llu</td></tr>\n",
                        replay_policy_names[p], x->alloc_core_s, x->used_core_s,
                        x->alloc_core_s - x->used_core_s, x->alloc_gib_s, x->used_gib_s,
                        x->alloc_gib_s - x->used_gib_s, (unsigned long long)x->oom_kills,
                        x->throttled_s, (unsigned long long)x->cold_starts,
                        (unsigned long long)x->hosts, (unsigned long long)x->adjustments);
        }
        fprintf(f, "</table>\n<p>Replayed in %.2f s.</p>\n</body></html>\n", r->seconds);
        if (fflush(f) != 0)
                return -errno;
        return 0;
}
