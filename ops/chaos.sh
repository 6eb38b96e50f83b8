#!/usr/bin/env bash
# Chaos run of issue #7: starts a cluster with ops/cluster.sh, runs 8 concurrent clients (put, get, conditional put,
# delete on a few hot keys) against random nodes while a nemesis kills, pauses and partitions nodes (never a
# majority at once), then checks the recorded history for linearizability and prints the totals.
#
#   ops/chaos.sh [--minutes N] [--nodes N] [--seed S] [--port-offset K] [-- extra options of `LithairAkka.Chaos run`]
#
# --port-offset K (or LITHAIR_PORT_OFFSET) moves every port of the cluster (see ops/cluster.sh), so a chaos run never
# touches a cluster someone else runs on the default ports; LITHAIR_CLUSTER_DIR picks the cluster's data directory.
#
# History and nemesis log land in data/chaos/<seed>/ (history.jsonl, nemesis.jsonl); re-check one offline with
#   dotnet tests/LithairAkka.Chaos/bin/Release/net10.0/LithairAkka.Chaos.dll check data/chaos/<seed>/history.jsonl
# Exit status: 0 linearizable, 1 violation, 2 undecided (checker budget), 3 the cluster answered nothing,
# anything else a setup failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

minutes=2 nodes=3 offset=${LITHAIR_PORT_OFFSET:-0} seed=$(( (RANDOM << 15 | RANDOM) % 1000000 ))
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
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

if [ ! -f ops/cluster.sh ]; then
  echo "chaos.sh: ops/cluster.sh is missing; the chaos run needs it to start, kill, pause and partition the cluster" >&2
  exit 1
fi

dotnet build tests/LithairAkka.Chaos/LithairAkka.Chaos.csproj -c Release --nologo -v q >/dev/null
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
trap 'bash ops/cluster.sh heal >/dev/null 2>&1 || true; bash ops/cluster.sh down >/dev/null 2>&1 || true' EXIT
bash ops/cluster.sh up --nodes "$nodes" --port-offset "$offset"

status=0
dotnet tests/LithairAkka.Chaos/bin/Release/net10.0/LithairAkka.Chaos.dll run \
  --nodes "$nodes" --seconds "$seconds" --seed "$seed" --port-offset "$offset" --out "data/chaos/$seed" \
  --cluster-script ops/cluster.sh ${extra[@]+"${extra[@]}"} || status=$?
exit "$status"
