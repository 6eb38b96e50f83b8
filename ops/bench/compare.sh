#!/usr/bin/env bash
# Whole-cluster benchmark of issue #7 §2: a 3-node etcd cluster and a 3-node LithairAkka cluster on loopback, in
# turn, with the same durability (fsync on commit), driven by wrk with the same workload: 64 connections, random
# keys, 256-byte values; durable writes, then linearizable reads, then a 90/10 read/write mix. Prints throughput,
# p50 and p99 per workload and system, then the write unavailability after SIGKILL of the leader (median of N trials).
#
#   ops/bench/compare.sh [--system etcd|lithair|all] [--seconds N] [--trials N] [--connections N] [--threads N]
#                        [--etcd-tuned]
#
# --etcd-tuned runs etcd with a 10 ms heartbeat and a 100 ms election timeout instead of its defaults (100 ms, 1 s).
# Installs etcd-server and wrk from Debian with apt-get when they are missing (needs root). Needs curl and python3.
# Every cluster lives in a fresh temporary directory on disk and is removed on exit; ports are picked free.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

system=all seconds=30 trials=10 connections=64 threads=2 tuned=0
while [ $# -gt 0 ]; do
  case "$1" in
    --system) system=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --etcd-tuned) tuned=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
case "$system" in etcd|lithair|all) ;; *) echo "compare.sh: --system expects etcd, lithair or all" >&2; exit 64 ;; esac

export BENCH_LUA_DIR="$here/wrk" BENCH_KEYS=100000 BENCH_VALUE_SIZE=256

# ---------------------------------------------------------------------------------------------------------------
# Tools

ensure_packages() {
  local missing=()
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "compare.sh: missing ${missing[*]}; install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing ${missing[*]} from Debian" >&2
  apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wrk_run NAME SCRIPT URL: runs one workload; appends "NAME req/s p50_ms p99_ms errors" to $results.
wrk_run() {
  local name=$1 script=$2 url=$3 line
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$here/wrk/$script" "$url" | grep '^RESULT') || {
    echo "compare.sh: wrk produced no result for $name" >&2
    return 1
  }
  python3 - "$name" "$line" >>"$results" <<'PY'
import sys
name, line = sys.argv[1], sys.argv[2]
f = dict(kv.split("=") for kv in line.split()[1:])
rate = int(f["requests"]) / (int(f["duration_us"]) / 1e6)
print(f'{name} {rate:.0f} {int(f["p50_us"]) / 1000:.2f} {int(f["p99_us"]) / 1000:.2f} {int(f["errors"]) + int(f["non2xx"])}')
PY
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------------------------------------------------------
# etcd

etcd_dir="" etcd_pids=() etcd_client=() etcd_peer=() etcd_cluster=""

etcd_start_member() {
  local i=$1 state=$2 timing=()
  [ "$tuned" -eq 1 ] && timing=(--heartbeat-interval 10 --election-timeout 100)
  etcd --name "e$i" --data-dir "$etcd_dir/e$i" \
    --listen-client-urls "http://127.0.0.1:${etcd_client[$i]}" --advertise-client-urls "http://127.0.0.1:${etcd_client[$i]}" \
    --listen-peer-urls "http://127.0.0.1:${etcd_peer[$i]}" --initial-advertise-peer-urls "http://127.0.0.1:${etcd_peer[$i]}" \
    --initial-cluster "$etcd_cluster" --initial-cluster-state "$state" --initial-cluster-token "bench-$$" \
    --logger zap --log-level error ${timing[@]+"${timing[@]}"} >>"$etcd_dir/e$i.log" 2>&1 &
  etcd_pids[$i]=$!
}

etcd_up() {
  etcd_dir=$(mktemp -d "${TMPDIR:-/var/tmp}/bench-etcd.XXXXXX")
  etcd_cluster=""
  for i in 0 1 2; do
    etcd_client[$i]=$(free_port) etcd_peer[$i]=$(free_port)
    etcd_cluster+="${etcd_cluster:+,}e$i=http://127.0.0.1:${etcd_peer[$i]}"
  done
  for i in 0 1 2; do etcd_start_member "$i" new; done
  etcd_wait_leader
}

etcd_down() {
  for pid in "${etcd_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${etcd_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  etcd_pids=()
  [ -n "$etcd_dir" ] && rm -rf "$etcd_dir"
  etcd_dir=""
}

# Prints the index of the leader among the members that answer, or nothing.
etcd_leader() {
  local i status member leader
  for i in 0 1 2; do
    status=$(curl -s -m 1 -X POST -d '{}' "http://127.0.0.1:${etcd_client[$i]}/v3/maintenance/status" 2>/dev/null) || continue
    member=$(sed -n 's/.*"member_id":"\([0-9]*\)".*/\1/p' <<<"$status")
    leader=$(sed -n 's/.*"leader":"\([0-9]*\)".*/\1/p' <<<"$status")
    if [ -n "$member" ] && [ "$member" = "$leader" ]; then echo "$i"; return 0; fi
  done
}

etcd_wait_leader() {
  local deadline=$((SECONDS + 30)) leader
  while [ $SECONDS -lt $deadline ]; do
    leader=$(etcd_leader)
    if [ -n "$leader" ] && curl -s -m 1 "http://127.0.0.1:${etcd_client[$leader]}/health" | grep -q '"health":"true"'; then
      return 0
    fi
    sleep 0.2
  done
  echo "compare.sh: etcd elected no leader within 30 s; logs in $etcd_dir" >&2
  exit 1
}

bench_etcd() {
  etcd_up
  local leader url label=etcd
  [ "$tuned" -eq 1 ] && label=etcd-tuned
  leader=$(etcd_leader)
  url="http://127.0.0.1:${etcd_client[$leader]}"
  echo "etcd $(etcd --version | sed -n 's/^etcd Version: //p'): 3 members, leader e$leader; wrk ${seconds}s, $connections connections" >&2
  wrk_run "$label:put" etcd-put.lua "$url"
  wrk_run "$label:range" etcd-range.lua "$url"
  wrk_run "$label:mixed" etcd-mixed.lua "$url"

  local trial samples=() endpoints
  for ((trial = 1; trial <= trials; trial++)); do
    leader=$(etcd_leader)
    endpoints=""
    for i in 0 1 2; do [ "$i" = "$leader" ] || endpoints+="${endpoints:+,}http://127.0.0.1:${etcd_client[$i]}"; done
    samples+=("$(python3 "$here/failover_probe.py" --kind etcd --pid "${etcd_pids[$leader]}" --endpoints "$endpoints")")
    wait "${etcd_pids[$leader]}" 2>/dev/null || true
    etcd_start_member "$leader" existing
    etcd_wait_leader
  done
  echo "$label:failover $(printf '%s\n' "${samples[@]}" | median) ${samples[*]}" >>"$failovers"
  etcd_down
}

# ---------------------------------------------------------------------------------------------------------------
# LithairAkka: plugs in here once ops/cluster.sh and the node executable exist (same workloads: PUT /kv/{key} for
# writes, GET /kv/{key} for linearizable reads, the same 90/10 mix, the same failover probe with --kind lithair).

bench_lithair() {
  echo "compare.sh: LithairAkka cluster not available yet" >&2
  return 1
}

# ---------------------------------------------------------------------------------------------------------------

ensure_packages
results=$(mktemp) failovers=$(mktemp)
trap 'etcd_down; rm -f "$results" "$failovers"' EXIT

status=0
if [ "$system" != lithair ]; then bench_etcd; fi
if [ "$system" != etcd ]; then bench_lithair || status=1; fi

if [ -s "$results" ]; then
  echo
  printf '%-8s %-10s %12s %10s %10s %8s\n' workload system "req/s" "p50 ms" "p99 ms" errors
fi
while read -r name rate p50 p99 errors; do
  printf '%-8s %-10s %12s %10s %10s %8s\n' "${name#*:}" "${name%%:*}" "$rate" "$p50" "$p99" "$errors"
done <"$results"
while read -r name med all; do
  printf 'failover %-10s median %s ms over %d trials (%s ms)\n' "${name%%:*}" "$med" "$(wc -w <<<"$all")" "$all"
done <"$failovers"
if [ "$system" = all ] && [ "$status" -ne 0 ]; then
  echo "LithairAkka: not measured (cluster not available yet); no ratio printed" >&2
fi
exit "$status"
