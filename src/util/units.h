/* Units at the edges. Inside presize: CPU in millicores, memory in bytes, network in bits per
 * second, time in nanoseconds. At the edges (CLI flags, JSON, config) the forms Kubernetes and tc
 * users type. One parser and one printer per unit; every caller uses these.
 *
 * Parsers return 0 or -EINVAL (malformed, unknown suffix, negative) or -ERANGE (overflow).
 * Zero is accepted by the parsers; callers that need a positive limit check that themselves. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* "500m" -> 500, "2" -> 2000, "1.5" -> 1500, "0.25" -> 250. */
int parse_cpu(const char *s, uint64_t *millicores);
/* "256Mi", "1Gi", "512k", "1G", "1e6", "300" (bytes). Binary (Ki Mi Gi Ti Pi Ei) and decimal
 * (k K M G T P E) suffixes as in Kubernetes resource quantities; "B" alone is accepted too. */
int parse_bytes(const char *s, uint64_t *bytes);
/* tc rates: "10Mbit", "1gbit", "800kbit", "100bit", "1mbps" (bytes/s, x8), bare number = bit/s. */
int parse_rate(const char *s, uint64_t *bps);
/* "10s", "500ms", "2m", "1h", "250us", "100ns", "1.5s"; a bare number is seconds. */
int parse_duration(const char *s, uint64_t *ns);

/* Printers write the shortest exact form where one exists, else a rounded one, into buf.
 * They return buf. */
char *fmt_cpu(uint64_t millicores, char *buf, size_t len); /* 500 -> "500m", 2000 -> "2"   */
char *fmt_bytes(uint64_t bytes, char *buf, size_t len);    /* 268435456 -> "256Mi"          */
char *fmt_rate(uint64_t bps, char *buf, size_t len);       /* 10000000 -> "10Mbit"          */
char *fmt_duration(uint64_t ns, char *buf, size_t len);    /* 1500000000 -> "1.5s"          */
