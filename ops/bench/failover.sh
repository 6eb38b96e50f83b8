#!/usr/bin/env bash
# Failover figures of a 3-node LithairAkka cluster on loopback, without the rest of compare.sh:
#   write unavailability after SIGKILL of the leader (failover_probe.py, as compare.sh measures it) and
#   election time after SIGKILL of the leader (election_probe.py: kill to a survivor reporting Leader in a new term).
#
#   ops/bench/failover.sh [--trials N] [--port-offset K]     (defaults: 10 trials, port offset 300)
#
# Prints one line per trial and a median / p90 / min / max summary per measure. Builds the node if needed (through
# ops/cluster.sh); cluster data lives in a temporary directory removed on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
trials=10 offset=300
while (($#)); do
  case "$1" in
    --trials) trials="$2"; shift 2 ;;
    --port-offset) offset="$2"; shift 2 ;;
    *) echo "usage: $0 [--trials N] [--port-offset K]" >&2; exit 2 ;;
  esac
done

export LITHAIR_CLUSTER_DIR
LITHAIR_CLUSTER_DIR="$(mktemp -d "${TMPDIR:-/var/tmp}/failover.XXXXXX")"
# A failed trial keeps the cluster's logs (marker file "keep").
trap '"$root/ops/cluster.sh" down >/dev/null 2>&1 || true; [ -f "$LITHAIR_CLUSTER_DIR/keep" ] || rm -rf "$LITHAIR_CLUSTER_DIR"' EXIT
cluster() { "$root/ops/cluster.sh" "$@"; }
http() { echo "http://127.0.0.1:$((8080 + offset + $1))"; }
field() {
  curl -s -m 1 "$(http "$1")/_raft/health" 2>/dev/null | python3 -c '
import json, sys
try:
    print(json.load(sys.stdin)[sys.argv[1]])
except Exception:
    pass' "$2"
}
leader() { local i; for i in 0 1 2; do [ "$(field "$i" state)" = Leader ] && { echo "$i"; return 0; }; done; return 1; }
wait_leader() {
  local deadline=$((SECONDS + 120)) l
  while [ $SECONDS -lt $deadline ]; do
    if l=$(leader); then
      # Every node follows it and is caught up enough to serve.
      local ok=1 i
      for i in 0 1 2; do curl -fs -o /dev/null -m 1 "http://127.0.0.1:$((8558 + offset + i))/ready" || ok=0; done
      [ "$ok" = 1 ] && { echo "$l"; return 0; }
    fi
    sleep 0.2
  done
  echo "failover.sh: no leader with every node ready after 120 s" >&2
  return 1
}
probe() {
  "$@" || { touch "$LITHAIR_CLUSTER_DIR/keep"; echo "failover.sh: trial $trial failed; node logs kept in $LITHAIR_CLUSTER_DIR" >&2; return 1; }
}
survivors() { local i list=""; for i in 0 1 2; do [ "$i" = "$1" ] || list+="${list:+,}$(http "$i")"; done; echo "$list"; }
summary() {
  python3 -c '
import sys
label, values = sys.argv[1], sorted(float(v) for v in sys.argv[2:])
n = len(values)
median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
p90 = values[min(n - 1, int(0.9 * n + 0.5) - 1)]
print(f"{label}: median {median:.1f} ms, p90 {p90:.1f} ms, min {values[0]:.1f}, max {values[-1]:.1f} over {n} trials")' "$@"
}

LITHAIR_PORT_OFFSET=$offset cluster up --nodes 3 --port-offset "$offset" >"$LITHAIR_CLUSTER_DIR/up.log" 2>&1 \
  || { cat "$LITHAIR_CLUSTER_DIR/up.log" >&2; exit 1; }
unavailable=() elections=()
for ((trial = 1; trial <= trials; trial++)); do
  l=$(wait_leader)
  unavailable+=("$(probe python3 "$here/failover_probe.py" --kind lithair --pid "$(cat "$LITHAIR_CLUSTER_DIR/node-$l.pid")" --endpoints "$(survivors "$l")")")
  cluster start "$l" >/dev/null
  l=$(wait_leader)
  elections+=("$(probe python3 "$here/election_probe.py" --pid "$(cat "$LITHAIR_CLUSTER_DIR/node-$l.pid")" --endpoints "$(survivors "$l")")")
  cluster start "$l" >/dev/null
  echo "trial $trial: unavailability ${unavailable[-1]} ms, election ${elections[-1]} ms" >&2
done
summary "write unavailability after leader SIGKILL" "${unavailable[@]}"
summary "election time after leader SIGKILL" "${elections[@]}"
