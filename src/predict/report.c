/* presize eval --report DIR: one self-contained HTML page (inline SVG, no script, no network):
 * predicted vs actual on log axes per target, upper-bound coverage per target against the
 * target line, and over-provisioning per method, then the numbers as tables. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "predict/eval.h"
#include "util/cleanup.h"
#include "util/fsutil.h"

static const char *const colors[M__COUNT] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"};

static void scatter(FILE *f, const struct eval *e, int t)
{
        const double W = 300, H = 300, pad = 40;
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < e->n; i++) {
                double y = e->d->rows[i].y[t], p = e->point[M_CODE][t][i];
                if (y > 0 && p > 0 && !isnan(p)) {
                        lo = fmin(lo, fmin(y, p));
                        hi = fmax(hi, fmax(y, p));
                }
        }
        fprintf(f,
                "<figure><svg width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f' "
                "xmlns='http://www.w3.org/2000/svg'>\n",
                W, H, W, H);
        fprintf(f,
                "<rect x='%.0f' y='0' width='%.0f' height='%.0f' fill='#fafafa' "
                "stroke='#ccc'/>\n",
                pad, W - pad, H - pad);
        if (!(lo < hi)) {
                fprintf(f,
                        "<text x='60' y='150'>no positive values</text></svg>"
                        "<figcaption>%s</figcaption></figure>\n",
                        target_names[t]);
                return;
        }
        double l0 = floor(log10(lo)), l1 = ceil(log10(hi));
        if (l1 <= l0)
                l1 = l0 + 1;
#define SX(v) (pad + (log10(v) - l0) / (l1 - l0) * (W - pad))
#define SY(v) ((H - pad) - (log10(v) - l0) / (l1 - l0) * (H - pad))
        for (double d = l0; d <= l1; d++) {
                double v = pow(10, d);
                fprintf(f,
                        "<line x1='%.1f' y1='0' x2='%.1f' y2='%.0f' stroke='#eee'/>"
                        "<text x='%.1f' y='%.0f' font-size='9' text-anchor='middle'>1e%.0f"
                        "</text>\n",
                        SX(v), SX(v), H - pad, SX(v), H - pad + 12, d);
                fprintf(f,
                        "<line x1='%.0f' y1='%.1f' x2='%.0f' y2='%.1f' stroke='#eee'/>"
                        "<text x='%.0f' y='%.1f' font-size='9' text-anchor='end'>1e%.0f</text>\n",
                        pad, SY(v), W, SY(v), pad - 3, SY(v) + 3, d);
        }
        fprintf(f,
                "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#888' "
                "stroke-dasharray='4 3'/>\n",
                SX(pow(10, l0)), SY(pow(10, l0)), SX(pow(10, l1)), SY(pow(10, l1)));
        for (size_t i = 0; i < e->n; i++) {
                double y = e->d->rows[i].y[t], p = e->point[M_CODE][t][i];
                if (y > 0 && p > 0 && !isnan(p))
                        fprintf(f,
                                "<circle cx='%.1f' cy='%.1f' r='1.8' fill='%s' "
                                "fill-opacity='0.5'/>\n",
                                SX(y), SY(p), colors[M_CODE]);
        }
#undef SX
#undef SY
        fprintf(f,
                "<text x='%.0f' y='%.0f' font-size='10' text-anchor='middle'>actual</text>"
                "<text x='10' y='%.0f' font-size='10' transform='rotate(-90 10 %.0f)' "
                "text-anchor='middle'>predicted</text>\n",
                pad + (W - pad) / 2, H - 8, (H - pad) / 2, (H - pad) / 2);
        fprintf(f, "</svg><figcaption>%s (model, held-out programs)</figcaption></figure>\n",
                target_names[t]);
}

/* Grouped bars: per target, one bar per method; value from metrics field `which`. */
static void bars(FILE *f, json_t *overall, const char *which, const char *title, double ref,
                 bool log_scale, const int *targets, size_t nt)
{
        const double W = 640, H = 260, pad = 44, top = 10;
        double vmax = 0;
        for (size_t k = 0; k < nt; k++)
                for (int m = 0; m < M__COUNT; m++) {
                        json_t *v = json_object_get(
                            json_object_get(json_object_get(overall, method_names[m]),
                                            target_names[targets[k]]),
                            which);
                        if (json_is_number(v))
                                vmax = fmax(vmax, json_number_value(v));
                }
        double lo = 0, hi = fmax(vmax, ref) * 1.05;
        bool pct = !strcmp(which, "coverage");
        if (pct) {
                /* coverage: 50% to 100%, where the differences that matter are */
                lo = 0.5;
                hi = 1.0;
        }
        if (log_scale) {
                lo = 0;
                hi = ceil(log10(fmax(hi, 10)));
        }
        fprintf(f,
                "<figure><svg width='%.0f' height='%.0f' viewBox='0 0 %.0f %.0f' "
                "xmlns='http://www.w3.org/2000/svg'>\n",
                W, H, W, H);
        double gw = (W - pad) / (double)nt, bw = gw / (M__COUNT + 1);
#define VY(v)                                                                                      \
        (top +                                                                                     \
         (H - pad - top) * (1 - (fmax(log_scale ? log10(fmax(v, 1)) : (v), lo) - lo) / (hi - lo)))
        for (int g = 0; g <= 4; g++) {
                double v = log_scale ? pow(10, hi * g / 4) : lo + (hi - lo) * g / 4;
                fprintf(f,
                        "<line x1='%.0f' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#eee'/>"
                        "<text x='%.0f' y='%.1f' font-size='9' text-anchor='end'>%.3g%s</text>\n",
                        pad, W, VY(v), VY(v), pad - 3, VY(v) + 3, pct ? v * 100 : v,
                        pct ? "%" : (log_scale ? "x" : ""));
        }
        for (size_t k = 0; k < nt; k++) {
                for (int m = 0; m < M__COUNT; m++) {
                        json_t *v = json_object_get(
                            json_object_get(json_object_get(overall, method_names[m]),
                                            target_names[targets[k]]),
                            which);
                        if (!json_is_number(v))
                                continue;
                        double val = json_number_value(v);
                        double x = pad + gw * (double)k + bw * (m + 0.5);
                        fprintf(f,
                                "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' "
                                "fill='%s'><title>%s %s: %.3g</title></rect>\n",
                                x, VY(val), bw * 0.9, H - pad - VY(val), colors[m], method_names[m],
                                target_names[targets[k]], val);
                }
                fprintf(f,
                        "<text x='%.1f' y='%.0f' font-size='10' text-anchor='middle'>%s</text>\n",
                        pad + gw * ((double)k + 0.5), H - pad + 14, target_names[targets[k]]);
        }
        if (ref > 0)
                fprintf(f,
                        "<line x1='%.0f' x2='%.0f' y1='%.1f' y2='%.1f' stroke='red' "
                        "stroke-dasharray='5 3'/>\n",
                        pad, W, VY(ref), VY(ref));
#undef VY
        for (int m = 0; m < M__COUNT; m++)
                fprintf(f,
                        "<rect x='%.0f' y='%.0f' width='10' height='10' fill='%s'/>"
                        "<text x='%.0f' y='%.0f' font-size='10'>%s</text>\n",
                        pad + 150.0 * m, H - 16, colors[m], pad + 150.0 * m + 14, H - 7,
                        method_names[m]);
        fprintf(f, "</svg><figcaption>%s</figcaption></figure>\n", title);
}

static void fmt_cell(FILE *f, json_t *v, bool pct)
{
        if (!json_is_number(v))
                fprintf(f, "<td>-</td>");
        else if (pct)
                fprintf(f, "<td>%.1f%%</td>", json_number_value(v) * 100);
        else
                fprintf(f, "<td>%.2fx</td>", json_number_value(v));
}

static void metrics_row(FILE *f, const char *label, json_t *mt)
{
        fprintf(f, "<tr><th>%s</th><td>%lld</td>", label,
                (long long)json_integer_value(json_object_get(mt, "n")));
        fmt_cell(f, json_object_get(mt, "mdape"), true);
        fmt_cell(f, json_object_get(mt, "within_25"), true);
        fmt_cell(f, json_object_get(mt, "coverage"), true);
        fmt_cell(f, json_object_get(mt, "overprovisioning"), false);
        fmt_cell(f, json_object_get(mt, "overprovisioning_median"), false);
        fprintf(f, "</tr>\n");
}

static void html_escape(FILE *f, const char *s)
{
        for (; *s; s++) {
                if (*s == '<')
                        fputs("&lt;", f);
                else if (*s == '>')
                        fputs("&gt;", f);
                else if (*s == '&')
                        fputs("&amp;", f);
                else
                        fputc(*s, f);
        }
}

/* Mean ± sd over the fold assignments of `presize eval --repeats` (nothing without them). */
static void repeats_table(FILE *f, json_t *rep)
{
        if (!rep)
                return;
        fprintf(f,
                "<h3>Repeated cross-validation: %lld assignments of the programs to folds</h3>"
                "<table><tr><th>target</th><th>method</th><th>MdAPE</th><th>coverage "
                "(lowest)</th><th>over-provisioning (mean)</th></tr>\n",
                (long long)json_integer_value(json_object_get(rep, "count")));
        json_t *ms = json_object_get(rep, "methods");
        for (int t = 0; t < T__COUNT; t++)
                for (int m = 0; m < M__COUNT; m++) {
                        json_t *mt =
                            json_object_get(json_object_get(ms, method_names[m]), target_names[t]);
                        if (!mt)
                                continue;
                        double v[3][3];
                        static const char *const keys[] = {"mdape", "coverage", "overprovisioning"};
                        for (int k = 0; k < 3; k++) {
                                json_t *o = json_object_get(mt, keys[k]);
                                v[k][0] = json_number_value(json_object_get(o, "mean"));
                                v[k][1] = json_number_value(json_object_get(o, "sd"));
                                v[k][2] = json_number_value(json_object_get(o, "min"));
                        }
                        fprintf(f,
                                "<tr><th>%s</th><th>%s</th><td>%.1f%% ± %.1f</td><td>%.1f%% "
                                "(%.2f%%)</td><td>%.2f× ± %.2f</td></tr>\n",
                                target_names[t], method_names[m], v[0][0] * 100, v[0][1] * 100,
                                v[1][0] * 100, v[1][2] * 100, v[2][0], v[2][1]);
                }
        fprintf(f, "</table>\n");
}

int eval_report(const struct eval *e, json_t *s, const char *dir)
{
        int r = mkdir_p(dir);
        if (r < 0)
                return r;
        char path[4096];
        snprintf(path, sizeof(path), "%s/index.html", dir);
        _cleanup_fclose_ FILE *f = fopen(path, "we");
        if (!f)
                return -errno;
        json_t *overall = json_object_get(s, "overall");
        fprintf(f, "<!doctype html><html><head><meta charset='utf-8'><title>presize eval</title>"
                   "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
                   "figure{display:inline-block;margin:.5em}table{border-collapse:collapse;"
                   "margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                   "th{background:#f4f4f4}</style></head><body>\n");
        fprintf(f,
                "<h1>presize eval</h1><p>%zu runs, %u folds grouped by program (a program's "
                "sizes never straddle training and test), upper bounds at %.0f%% coverage by "
                "cross-conformal prediction (one-sided). Methods: <b>model</b> (metadata + code), "
                "<b>metadata_model</b>, <b>language_median</b> (per-language median with its "
                "own conformal bound), <b>static_tiers</b> (the mission's tiers chosen by an "
                "algorithm rule; memory and cores only).</p>\n",
                e->n, e->folds, e->coverage * 100);
        fprintf(f, "<h2>Predicted vs actual (log axes)</h2>\n");
        for (int t = 0; t < T__COUNT; t++)
                scatter(f, e, t);
        int all[T__COUNT] = {0, 1, 2, 3, 4};
        fprintf(f, "<h2>Upper-bound coverage per target</h2>\n");
        bars(f, overall, "coverage",
             "share of held-out runs under the upper bound; red: the "
             "target",
             e->coverage, false, all, T__COUNT);
        fprintf(f, "<h2>Over-provisioning per method</h2>\n");
        int mc[2] = {T_MEMORY, T_CORES};
        bars(f, overall, "overprovisioning",
             "mean upper bound / actual (log scale): what each method would allocate, per unit "
             "used; red: 1.5x",
             1.5, true, mc, 2);
        int rest[3] = {T_CPU, T_NET, T_WALL};
        bars(f, overall, "overprovisioning", "mean upper bound / actual, time and network", 0, true,
             rest, 3);
        fprintf(f, "<h2>Numbers</h2>\n");
        for (int t = 0; t < T__COUNT; t++) {
                fprintf(f,
                        "<h3>%s</h3><table><tr><th>method</th><th>runs</th><th>MdAPE</th>"
                        "<th>within ±25%%</th><th>coverage</th><th>over-provisioning "
                        "(mean)</th><th>(median)</th>"
                        "</tr>\n",
                        target_names[t]);
                for (int m = 0; m < M__COUNT; m++) {
                        json_t *mt = json_object_get(json_object_get(overall, method_names[m]),
                                                     target_names[t]);
                        if (json_integer_value(json_object_get(mt, "n")))
                                metrics_row(f, method_names[m], mt);
                }
                fprintf(f, "</table>\n");
        }
        repeats_table(f, json_object_get(s, "repeats"));
        static const char *const groups[] = {"by_language", "by_algorithm"};
        for (size_t g = 0; g < 2; g++) {
                fprintf(f,
                        "<h3>model %s: peak memory and CPU time</h3><table><tr><th></th>"
                        "<th>runs</th><th>MdAPE</th><th>±25%%</th><th>coverage</th>"
                        "<th>over</th><th>cpu runs</th><th>MdAPE</th><th>±25%%</th>"
                        "<th>coverage</th><th>over</th></tr>\n",
                        groups[g]);
                const char *k;
                json_t *v;
                json_object_foreach(json_object_get(s, groups[g]), k, v)
                {
                        fprintf(f, "<tr><th>");
                        html_escape(f, k);
                        fprintf(f, "</th>");
                        for (int t = 0; t < 2; t++) {
                                json_t *mt = json_object_get(v, target_names[t]);
                                fprintf(f, "<td>%lld</td>",
                                        (long long)json_integer_value(json_object_get(mt, "n")));
                                fmt_cell(f, json_object_get(mt, "mdape"), true);
                                fmt_cell(f, json_object_get(mt, "within_25"), true);
                                fmt_cell(f, json_object_get(mt, "coverage"), true);
                                fmt_cell(f, json_object_get(mt, "overprovisioning"), false);
                        }
                        fprintf(f, "</tr>\n");
                }
                fprintf(f, "</table>\n");
        }
        fprintf(f, "<h2>Aims</h2><ul>\n");
        const char *k;
        json_t *v;
        json_object_foreach(json_object_get(s, "aims"), k, v)
        {
                if (json_is_boolean(v))
                        fprintf(f, "<li>%s: <b>%s</b></li>\n", k,
                                json_is_true(v) ? "met" : "not met");
        }
        fprintf(f, "</ul></body></html>\n");
        return ferror(f) ? -EIO : 0;
}
