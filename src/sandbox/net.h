/* Sandbox networking: the sandbox lives in its own network namespace with only loopback, unless
 * its allocation asks for network. Then a veth pair joins it to the host: the host end is named
 * "presize-<id>" (14 characters, under IFNAMSIZ), the sandbox end "eth0". A tbf qdisc shapes both
 * directions (host-end egress = the sandbox's download, sandbox-end egress = its upload) at the
 * rate counted on the wire, headers included (TCP payload gets about 95.5% of it), and a tc filter
 * (classic BPF in cls_bpf) lets through only IPv4 traffic to the allowed HOST:PORT pairs.
 * Addresses come from 10.213.0.0/16: the host end is 10.213.0.1/32 on every veth, each sandbox
 * gets a unique 10.213.x.y/32 (claimed atomically through its host route). The sandbox reaches a
 * server on the host at 10.213.0.1 (exported as PRESIZE_HOST_ADDR).
 *
 * Inside, the sandbox has a route to 10.213.0.1 and one to each allowed host (via 10.213.0.1), no
 * default route (anything else: ENETUNREACH), and IPv6 disabled on eth0. The filter passes ARP and
 * IPv4 TCP/UDP to an allowed HOST:PORT and drops everything else; it runs on eth0's egress and
 * again on the host end's ingress (outside the sandbox's reach). The host only delivers what it
 * receives locally: an allowed host that is not this machine also needs forwarding and NAT on the
 * host, which this module does not set up.
 *
 * Configuration is done over rtnetlink (no ip/tc processes); to reach the sandbox's namespace the
 * calling thread setns()-es into it for a few syscalls, signals blocked, and comes straight back
 * (other threads are not affected). A struct sandbox_net holds a netlink socket inside the
 * sandbox's namespace, which keeps the namespace (and the veth) alive until net_destroy even after
 * the sandbox's processes are gone. One struct is not safe for concurrent use from several
 * threads; different ones are.
 *
 * Functions return 0 or a negative errno. */
#pragma once

#include "core/resources.h"

#include <stdint.h>
#include <sys/types.h>

#define NET_HOST_ADDR "10.213.0.1"

struct sandbox_net; /* owned by the sandbox; freed by net_destroy */

/* Bring up loopback in the network namespace of `ns_pid` (always needed). About 0.1 ms. */
int net_loopback_up(pid_t ns_pid);
/* Add "IPV4:PORT" ("localhost" is 127.0.0.1) to a's allow list: -EINVAL malformed, -E2BIG full. */
int net_allow_parse(const char *s, struct alloc *a);
/* Create the veth pair for id (6 hex chars) into the netns of ns_pid, address it, route the allowed
 * hosts, install shaping (a->net_rate_bps, 0 = none) and the allow filter. Nothing is left behind
 * on failure. -EINVAL: a bad id, more than NET_ALLOW_MAX entries, port 0, or a host that cannot be
 * one: loopback (127/8 inside the sandbox is its own loopback; the user should listen on and allow
 * NET_HOST_ADDR), another 10.213.0.0/16 address, 0/8, multicast or broadcast. -EEXIST: the id's
 * link already exists (or the namespace already has an eth0). -EADDRNOTAVAIL: 10.213/16 is full. */
int net_create(const char *id, pid_t ns_pid, const struct alloc *a, struct sandbox_net **out);
/* Change the rate of both directions while traffic flows (0 removes shaping). Both directions are
 * attempted; the first error is returned. */
int net_set_rate(struct sandbox_net *n, uint64_t bps);
/* Bytes received and sent by the sandbox (host end counters, swapped). */
int net_read(struct sandbox_net *n, uint64_t *rx, uint64_t *tx);
const char *net_sandbox_addr(const struct sandbox_net *n); /* "10.213.x.y" */
/* Delete the veth (both ends) and the host route; free n. Safe on NULL. Takes 15-20 ms, nearly
 * all of it the kernel waiting for RCU grace periods while it unregisters the two devices. */
void net_destroy(struct sandbox_net *n);
/* Delete host links named presize-<6 hex> whose creator is dead. Each link carries its creating
 * process's pid and start time in its alias; a veth dies with its sandbox's namespace, so a
 * leftover exists only while something still holds that namespace, and its creator was the only
 * one to know whether it is in use. Links without a presize alias are left alone (being created
 * right now, or not ours). Returns the number removed (or, if none, 0 or a negative errno). */
int net_cleanup_leftovers(void);
