/* GET /metrics: the Prometheus text exposition format (version 0.0.4). Counters and histograms
 * under one mutex (they change a few times per request); gauges read from the pool. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/internal.h"

/* Seconds: 1 ms to 30 s. */
static const double bounds[HIST_BUCKETS] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                            0.25,  0.5,    1,     2.5,  5,     10,   30};

void metrics_init(struct metrics *m)
{
        memset(m, 0, sizeof(*m));
        pthread_mutex_init(&m->lock, NULL);
}

void metrics_observe(struct metrics *m, struct histogram *h, double s)
{
        pthread_mutex_lock(&m->lock);
        size_t i = 0;
        while (i < HIST_BUCKETS && s > bounds[i])
                i++;
        h->counts[i]++;
        h->sum += s;
        h->n++;
        pthread_mutex_unlock(&m->lock);
}

void metrics_count(struct metrics *m, uint64_t *c)
{
        pthread_mutex_lock(&m->lock);
        (*c)++;
        pthread_mutex_unlock(&m->lock);
}

static void hist(FILE *f, const char *name, const char *labels, const struct histogram *h)
{
        uint64_t cum = 0;
        for (size_t i = 0; i <= HIST_BUCKETS; i++) {
                cum += h->counts[i];
                if (i < HIST_BUCKETS)
                        fprintf(f, "%s_bucket{%s%sle=\"%g\"} %llu\n", name, labels,
                                labels[0] ? "," : "", bounds[i], (unsigned long long)cum);
                else
                        fprintf(f, "%s_bucket{%s%sle=\"+Inf\"} %llu\n", name, labels,
                                labels[0] ? "," : "", (unsigned long long)cum);
        }
        const char *open = labels[0] ? "{" : "", *close = labels[0] ? "}" : "";
        fprintf(f, "%s_sum%s%s%s %.9g\n", name, open, labels, close, h->sum);
        fprintf(f, "%s_count%s%s%s %llu\n", name, open, labels, close, (unsigned long long)h->n);
}

static void counter(FILE *f, const char *name, const char *help, uint64_t v)
{
        fprintf(f, "# HELP %s %s\n# TYPE %s counter\n%s %llu\n", name, help, name, name,
                (unsigned long long)v);
}

char *metrics_render(struct server *S)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
                return NULL;
        unsigned by_state[SB__COUNT] = {0};
        uint64_t used_mc, used_mem, cap_mc, cap_mem;
        pthread_mutex_lock(&S->pool.lock);
        for (struct pooled *p = S->pool.head; p; p = p->next)
                by_state[p->state]++;
        used_mc = S->pool.used_millicores;
        used_mem = S->pool.used_memory;
        cap_mc = S->pool.cap_millicores;
        cap_mem = S->pool.cap_memory;
        pthread_mutex_unlock(&S->pool.lock);

        struct metrics m;
        pthread_mutex_lock(&S->metrics.lock);
        memcpy(&m, &S->metrics, sizeof(m));
        pthread_mutex_unlock(&S->metrics.lock);

        counter(f, "presize_predictions_total",
                "Predictions made (notifications and cold executions).", m.predictions);
        fprintf(f,
                "# HELP presize_notifications_total Notifications by result.\n"
                "# TYPE presize_notifications_total counter\n"
                "presize_notifications_total{result=\"admitted\"} %llu\n"
                "presize_notifications_total{result=\"rejected_full\"} %llu\n",
                (unsigned long long)m.notifications_admitted,
                (unsigned long long)m.notifications_rejected);
        fprintf(f,
                "# HELP presize_sandboxes Sandboxes by state.\n# TYPE presize_sandboxes gauge\n");
        for (int i = 0; i < SB__COUNT; i++)
                fprintf(f, "presize_sandboxes{state=\"%s\"} %u\n", sb_state_names[i], by_state[i]);
        fprintf(f,
                "# HELP presize_capacity_used_ratio Share of the host capacity (x overcommit) "
                "allocated.\n# TYPE presize_capacity_used_ratio gauge\n"
                "presize_capacity_used_ratio{resource=\"cpu\"} %.6g\n"
                "presize_capacity_used_ratio{resource=\"memory\"} %.6g\n",
                cap_mc ? (double)used_mc / (double)cap_mc : 0,
                cap_mem ? (double)used_mem / (double)cap_mem : 0);
        fprintf(f,
                "# HELP presize_claims_total Executions by how they got their sandbox.\n"
                "# TYPE presize_claims_total counter\n"
                "presize_claims_total{kind=\"warm\"} %llu\n"
                "presize_claims_total{kind=\"cold\"} %llu\n",
                (unsigned long long)m.claims_warm, (unsigned long long)m.claims_cold);
        counter(f, "presize_sandboxes_expired_total",
                "Warm sandboxes destroyed unclaimed at their TTL (waste).", m.expired);
        counter(f, "presize_sandboxes_deleted_total", "Sandboxes deleted through the API.",
                m.deleted);
        counter(f, "presize_sandboxes_evicted_total",
                "Warm sandboxes evicted unclaimed for a higher-priority admission.", m.evicted);
        counter(f, "presize_sandbox_create_failures_total", "Sandboxes that could not be created.",
                m.create_failures);
        static const char *const outcomes[] = {"ok", "failed", "timeout", "oom", "error"};
        fprintf(f, "# HELP presize_executions_total Finished executions by outcome.\n"
                   "# TYPE presize_executions_total counter\n");
        for (int i = 0; i < 5; i++)
                fprintf(f, "presize_executions_total{outcome=\"%s\"} %llu\n", outcomes[i],
                        (unsigned long long)m.executions[i]);
        counter(f, "presize_oom_kills_total", "Executions ended by the OOM killer.", m.oom_kills);
        fprintf(f, "# HELP presize_adjustments_total Resizes the control loop applied to running "
                   "sandboxes.\n# TYPE presize_adjustments_total counter\n");
        for (int i = 0; i < RES__COUNT; i++)
                for (int d = 0; d < 2; d++)
                        fprintf(
                            f, "presize_adjustments_total{resource=\"%s\",direction=\"%s\"} %llu\n",
                            resource_names[i], d ? "down" : "up",
                            (unsigned long long)m.adjustments[i][d]);
        fprintf(f, "# HELP presize_prediction_error_log Absolute log error of the predicted point "
                   "(|log1p(measured) - log1p(point)|) of finished executions, per target.\n"
                   "# TYPE presize_prediction_error_log summary\n");
        for (int t = 0; t < T__COUNT; t++)
                fprintf(f,
                        "presize_prediction_error_log_sum{target=\"%s\"} %.6g\n"
                        "presize_prediction_error_log_count{target=\"%s\"} %llu\n",
                        target_names[t], m.error_sum[t], target_names[t],
                        (unsigned long long)m.error_n);
        fprintf(f, "# HELP presize_prediction_above_upper_total Finished executions that used more "
                   "than the upper bound, per target.\n"
                   "# TYPE presize_prediction_above_upper_total counter\n");
        for (int t = 0; t < T__COUNT; t++)
                fprintf(f, "presize_prediction_above_upper_total{target=\"%s\"} %llu\n",
                        target_names[t], (unsigned long long)m.over_upper[t]);
        counter(f, "presize_bounds_online_total",
                "Plans whose upper bounds came from the online calibration.", m.bounds_online);
        fprintf(f,
                "# HELP presize_retrains_total Retrainings by result.\n"
                "# TYPE presize_retrains_total counter\n"
                "presize_retrains_total{result=\"done\"} %llu\n"
                "presize_retrains_total{result=\"failed\"} %llu\n",
                (unsigned long long)m.retrains[0], (unsigned long long)m.retrains[1]);
        fprintf(f, "# HELP presize_http_responses_total HTTP responses by status class.\n"
                   "# TYPE presize_http_responses_total counter\n");
        for (int i = 1; i <= 5; i++)
                fprintf(f, "presize_http_responses_total{code=\"%dxx\"} %llu\n", i,
                        (unsigned long long)m.requests[i]);
        fprintf(f, "# HELP presize_notification_to_ready_seconds From admission to a ready "
                   "sandbox.\n# TYPE presize_notification_to_ready_seconds histogram\n");
        hist(f, "presize_notification_to_ready_seconds", "", &m.to_ready);
        fprintf(f, "# HELP presize_execution_start_seconds From the execution request to the "
                   "job started.\n# TYPE presize_execution_start_seconds histogram\n");
        hist(f, "presize_execution_start_seconds", "sandbox=\"warm\"", &m.start_warm);
        hist(f, "presize_execution_start_seconds", "sandbox=\"cold\"", &m.start_cold);
        fprintf(f, "# HELP presize_execution_wall_seconds Wall time of finished jobs.\n"
                   "# TYPE presize_execution_wall_seconds histogram\n");
        hist(f, "presize_execution_wall_seconds", "", &m.exec_wall);
        fprintf(f, "# HELP presize_http_request_seconds Request handling time (an execution "
                   "with wait includes its run).\n# TYPE presize_http_request_seconds histogram\n");
        hist(f, "presize_http_request_seconds", "", &m.request);
        if (fclose(f) != 0) {
                free(buf);
                return NULL;
        }
        return buf;
}
