/* The Kubernetes Vertical Pod Autoscaler's recommender, as published in kubernetes/autoscaler
 * (vertical-pod-autoscaler/pkg/recommender): decaying exponential histograms of CPU usage and of
 * memory peaks per workload, the target at the 90th percentile plus a 15% safety margin, the pod
 * minimums, one memory peak per container per 24 h aggregation interval and the OOM bump-up.
 * Constants and the files (with commits) they come from: docs/replay.md. Times in ns. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#define VPA_CPU_BUCKETS 176 /* enough for 0.001 .. 1000 cores at ratio 1.05 (see vpa.c) */
#define VPA_MEM_BUCKETS 176

/* util.exponentialHistogramOptions + util.decayingHistogram */
struct vpa_hist {
        double first, ratio; /* first bucket size, growth ratio */
        int n;               /* buckets */
        double w[VPA_CPU_BUCKETS > VPA_MEM_BUCKETS ? VPA_CPU_BUCKETS : VPA_MEM_BUCKETS];
        double total;
        int min_b, max_b;
        int64_t ref_ns; /* reference timestamp, a multiple of the half-life */
        int64_t half_life_ns;
};

/* model.AggregateContainerState: one per workload (here: per function). */
struct vpa_agg {
        struct vpa_hist cpu, mem;
        int64_t first_sample_ns, last_sample_ns;
        bool has_samples;
        uint64_t total_samples;
};

/* model.ContainerState's memory part: one per container (here: per sandbox instance). */
struct vpa_container {
        double memory_peak, oom_peak;
        int64_t window_end_ns; /* 0 (with !started): no sample yet */
        int64_t last_mem_sample_ns;
        bool started;
};

void vpa_hist_init_cpu(struct vpa_hist *h);
void vpa_hist_init_mem(struct vpa_hist *h);
int vpa_hist_bucket(const struct vpa_hist *h, double v);
double vpa_hist_bucket_start(const struct vpa_hist *h, int b);
void vpa_hist_add(struct vpa_hist *h, double v, double weight, int64_t t_ns);
void vpa_hist_sub(struct vpa_hist *h, double v, double weight, int64_t t_ns);
double vpa_hist_percentile(const struct vpa_hist *h, double p);
bool vpa_hist_empty(const struct vpa_hist *h);

void vpa_agg_init(struct vpa_agg *a);
/* A CPU usage sample (cores) measured from t_ns while the request was request_cores. */
void vpa_add_cpu(struct vpa_agg *a, double cores, double request_cores, int64_t t_ns);
/* A memory usage sample of a container (bytes): one peak per aggregation interval. Returns
 * false when discarded (out of order). */
bool vpa_add_memory(struct vpa_agg *a, struct vpa_container *c, double bytes, int64_t t_ns,
                    bool oom);
/* ContainerState.RecordOOM: the request (bytes) in force when it was killed. -ESTALE when the
 * OOM is older than the current interval. */
int vpa_record_oom(struct vpa_agg *a, struct vpa_container *c, int64_t t_ns, double request);

/* The target recommendation: max(p90 x 1.15, 25m) cores and max(p90 of peaks x 1.15, 250Mi)
 * bytes. false when the workload has no samples yet (no recommendation). */
bool vpa_target(const struct vpa_agg *a, double *cores, double *bytes);
