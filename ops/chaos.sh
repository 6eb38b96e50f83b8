#!/usr/bin/env bash
# Chaos run of issue #7: starts a cluster with ops/cluster.sh, runs 8 concurrent clients (put, get, conditional put,
# delete on a few hot keys) against random nodes while a nemesis kills, pauses and partitions nodes (never a
# majority at once) and skews one node's wall clock (libfaketime, when installed), then checks the recorded history
# for linearizability and prints the totals.
#
#   ops/chaos.sh [--minutes N] [--runs R] [--nodes N] [--seed S] [--port-offset K] [-- extra options of `LithairAkka.Chaos run`]
#
# --runs R runs R schedules of N minutes one after the other on the same cluster (seeds S, S+1, ...) and prints the
# totals over them; --nodes 5 runs a 5-node cluster (the nemesis then takes down up to 2 nodes at once, never 3).
# --port-offset K (or LITHAIR_PORT_OFFSET) moves every port of the cluster (see ops/cluster.sh), so a chaos run never
# touches a cluster someone else runs on the default ports; LITHAIR_CLUSTER_DIR picks the cluster's data directory
# (default data/chaos-cluster-<N>n: one per cluster size, because nodes restarted on the Raft log of a cluster of
# another size would not form a cluster).
#
# History, nemesis log and totals land in data/chaos/<seed>/ (history.jsonl, nemesis.jsonl, summary.json); re-check one
# offline, or add up every run so far, with
#   dotnet tests/LithairAkka.Chaos/bin/Release/net10.0/LithairAkka.Chaos.dll check data/chaos/<seed>/history.jsonl
#   dotnet tests/LithairAkka.Chaos/bin/Release/net10.0/LithairAkka.Chaos.dll totals data/chaos
# Clock skew needs libfaketime (Debian: apt-get install -y faketime); without it those faults are skipped and reported.
# Exit status (the first failing run's): 0 linearizable, 1 violation, 2 undecided (checker budget), 3 the cluster answered nothing,
# anything else a setup failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

minutes=2 runs=1 nodes=3 offset=${LITHAIR_PORT_OFFSET:-0} seed=$(( (RANDOM << 15 | RANDOM) % 1000000 ))
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --port-offset) offset=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
if ! [[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "chaos.sh: --minutes expects a positive number, got '$minutes'" >&2
  exit 64
fi
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "chaos.sh: --runs expects a positive integer, got '$runs'" >&2
  exit 64
fi

if [ ! -f ops/cluster.sh ]; then
  echo "chaos.sh: ops/cluster.sh is missing; the chaos run needs it to start, kill, pause and partition the cluster" >&2
  exit 1
fi

export LITHAIR_CLUSTER_DIR="${LITHAIR_CLUSTER_DIR:-$root/data/chaos-cluster-${nodes}n}"
dotnet build tests/LithairAkka.Chaos/LithairAkka.Chaos.csproj -c Release --nologo -v q >/dev/null
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
trap 'bash ops/cluster.sh heal >/dev/null 2>&1 || true; bash ops/cluster.sh down >/dev/null 2>&1 || true' EXIT
bash ops/cluster.sh up --nodes "$nodes" --port-offset "$offset"

chaos=tests/LithairAkka.Chaos/bin/Release/net10.0/LithairAkka.Chaos.dll
status=0 dirs=()
for ((run = 0; run < runs; run++)); do
  s=$((seed + run))
  [ "$runs" -gt 1 ] && echo "=== run $((run + 1)) of $runs (seed $s)"
  bash ops/cluster.sh heal >/dev/null 2>&1 || true
  code=0
  dotnet "$chaos" run --nodes "$nodes" --seconds "$seconds" --seed "$s" --port-offset "$offset" --out "data/chaos/$s" \
    --cluster-script ops/cluster.sh ${extra[@]+"${extra[@]}"} || code=$?
  dirs+=("data/chaos/$s")
  [ "$status" -ne 0 ] || status=$code
done
if [ "$runs" -gt 1 ]; then
  echo "=== totals over these $runs runs"
  dotnet "$chaos" totals "${dirs[@]}" || true
fi
exit "$status"
