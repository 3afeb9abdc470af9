/* Sandbox networking: the sandbox lives in its own network namespace with only loopback, unless
 * its allocation asks for network. Then a veth pair joins it to the host: the host end is named
 * "presize-<id>" (14 characters, under IFNAMSIZ), the sandbox end "eth0". tc shapes both
 * directions (host-end egress = the sandbox's download, sandbox-end egress = its upload) and a tc
 * filter on the sandbox end lets through only IPv4 traffic to the allowed HOST:PORT pairs.
 * Addresses come from 10.213.0.0/16: the host end is 10.213.0.1/32 on every veth, each sandbox
 * gets a unique 10.213.x.y/32 (claimed atomically through its host route). The sandbox reaches a
 * server on the host at 10.213.0.1 (exported as PRESIZE_HOST_ADDR).
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include "core/resources.h"

#include <stdint.h>
#include <sys/types.h>

#define NET_HOST_ADDR "10.213.0.1"

struct sandbox_net; /* owned by the sandbox; freed by net_destroy */

/* Bring up loopback in the network namespace of `ns_pid` (always needed). */
int net_loopback_up(pid_t ns_pid);
/* Create the veth pair for id (6 hex chars) into the netns of ns_pid, address it, route the allowed
 * hosts, install shaping (a->net_rate_bps, 0 = none) and the allow filter. */
int net_create(const char *id, pid_t ns_pid, const struct alloc *a, struct sandbox_net **out);
int net_set_rate(struct sandbox_net *n, uint64_t bps);
/* Bytes received and sent by the sandbox (host end counters, swapped). */
int net_read(struct sandbox_net *n, uint64_t *rx, uint64_t *tx);
const char *net_sandbox_addr(const struct sandbox_net *n); /* "10.213.x.y" */
/* Delete the veth (both ends) and the host route; free n. Safe on NULL. */
void net_destroy(struct sandbox_net *n);
/* Delete host links named presize-* that no live sandbox owns (their peer's namespace is gone or
 * their owner is dead). Returns the number removed or a negative errno. */
int net_cleanup_leftovers(void);
