#!/usr/bin/env bash
# After the tests: nothing named presize-* may remain (cgroup, netns, link, mount).
leaks=""
for d in /sys/fs/cgroup/*/ /sys/fs/cgroup/unified/; do
  for c in $(find "$d" -maxdepth 6 -type d -name 'presize-*' 2>/dev/null); do leaks+="cgroup $c "; done
done
for n in $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^presize-'); do leaks+="netns $n "; done
for l in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep '^presize'); do leaks+="link $l "; done
for m in $(awk '$2 ~ /presize-/ {print $2}' /proc/mounts); do leaks+="mount $m "; done
if [ -n "$leaks" ]; then echo "leftovers after tests: $leaks"; exit 1; fi
echo "leftovers: none (cgroups, netns, links, mounts)"
