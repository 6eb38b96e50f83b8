#!/usr/bin/env bash
# A local LithairAkka cluster on loopback, for trying the system and for drills (see spec: INTERFACE.md §1).
#
#   ops/cluster.sh up [--nodes N] [--port-offset K]
#                                      build if needed, start N nodes (default 3), wait until all are Up with a leader
#   ops/cluster.sh status              one line per node: pid, process state, readiness, raft role
#   ops/cluster.sh kill ID             SIGKILL node ID            ops/cluster.sh stop ID    graceful stop (SIGTERM)
#   ops/cluster.sh start ID            restart node ID on its data
#   ops/cluster.sh pause ID            SIGSTOP (a long GC pause)  ops/cluster.sh resume ID  SIGCONT
#   ops/cluster.sh partition IDS IDS   e.g. "partition 0 1,2": each side blackholes the other, both directions
#   ops/cluster.sh heal                remove every fault rule
#   ops/cluster.sh down                stop every node, keep data  ops/cluster.sh clean    stop every node, delete data
#
# Node i listens on 127.0.0.1: HTTP 8080+i, remoting 4053+i, management 8558+i, pbm 9110+i, each plus the port offset
# (default 0; tests and CI use another so they never collide with a cluster someone runs). Pids, logs and data live
# under ./data (LITHAIR_CLUSTER_DIR overrides). Nodes run with lithair.testing.fault-injection = on.
# LITHAIR_LOG_STORE=file|sqlite|postgresql (lithair.node.log-store) is passed to every node; 'up' records it under
# ./data so that 'start ID' reopens the same store.
# LITHAIR_NODE_PREFIX, when set, is put before the node's command by up and start, e.g. for a node with a skewed clock
#   LITHAIR_NODE_PREFIX="env LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 FAKETIME=+30s
#     FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0" ops/cluster.sh start 2
# It must exec the node (env, nice, taskset do), not fork it: kill and pause signal the recorded pid.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${LITHAIR_CLUSTER_DIR:-$ROOT/data}"
NODE_PROJECT="$ROOT/src/LithairAkka.Node/LithairAkka.Node.csproj"
NODE_DLL="$ROOT/src/LithairAkka.Node/bin/Release/net10.0/LithairAkka.Node.dll"
HOST=127.0.0.1
READY_TIMEOUT="${LITHAIR_READY_TIMEOUT:-90}"

fail() { echo "cluster.sh: $*" >&2; exit 1; }
port_offset() { cat "$DATA/port-offset" 2>/dev/null || echo 0; }
http_port() { echo $((8080 + $(port_offset) + $1)); }
remote_port() { echo $((4053 + $(port_offset) + $1)); }
mgmt_port() { echo $((8558 + $(port_offset) + $1)); }
# The log store (lithair.node.log-store): LITHAIR_LOG_STORE when set, else what 'up' recorded, else the node's default.
log_store() { [[ -n "${LITHAIR_LOG_STORE:-}" ]] && echo "$LITHAIR_LOG_STORE" || cat "$DATA/log-store" 2>/dev/null || echo file; }
pbm_port() { echo $((9110 + $(port_offset) + $1)); }
pid_file() { echo "$DATA/node-$1.pid"; }
log_file() { echo "$DATA/node-$1.log"; }

node_count() {
  [[ -f "$DATA/nodes" ]] || fail "no cluster here ($DATA/nodes missing): run 'ops/cluster.sh up' first"
  cat "$DATA/nodes"
}

check_id() {
  local id="$1" count
  count="$(node_count)"
  [[ "$id" =~ ^[0-9]+$ ]] && (( id < count )) || fail "node id '$id' is not one of 0..$((count - 1))"
}

node_pid() {
  local file
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  local pid
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null || return 1
  # A SIGKILLed node stays a zombie until its new parent reaps it (nodes outlive the script that started them):
  # that is a dead node, which 'start' must be free to replace at once.
  [[ "$(process_state "$pid")" != "Z" ]] || return 1
  echo "$pid"
}

process_state() {
  # R/S/D running or sleeping, T stopped (paused), Z zombie.
  awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

ensure_built() {
  command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH"
  command -v curl >/dev/null || fail "curl is needed to talk to the nodes"
  if [[ -f "$NODE_DLL" ]] && [[ -z "$(find "$ROOT/src" "$ROOT/hocon" -newer "$NODE_DLL" \( -name '*.cs' -o -name '*.csproj' -o -name '*.conf' \) -print -quit)" ]]; then
    return
  fi
  echo "Building LithairAkka.Node (Release)..."
  dotnet build "$NODE_PROJECT" -c Release -nologo -v quiet >"$DATA/build.log" 2>&1 \
    || { tail -30 "$DATA/build.log" >&2; fail "the build failed (full log: $DATA/build.log)"; }
}

write_config() {
  # The node's own node.conf, with the drills' fault-injection routes switched on.
  cat >"$DATA/cluster.conf" <<EOF
include file("$ROOT/hocon/node.conf")
lithair.testing.fault-injection = on
EOF
}

peers() {
  local count="$1" list="" i
  for ((i = 0; i < count; i++)); do
    list+="${list:+,}$i@$HOST:$(remote_port "$i")"
  done
  echo "$list"
}

start_node() {
  local id="$1" count
  count="$(node_count)"
  if pid="$(node_pid "$id")"; then
    echo "node $id is already running (pid $pid)"
    return
  fi
  mkdir -p "$DATA/node-$id"
  LITHAIR_HTTP_PORT="$(http_port "$id")" LITHAIR_REMOTE_PORT="$(remote_port "$id")" \
  LITHAIR_MANAGEMENT_PORT="$(mgmt_port "$id")" LITHAIR_CMD_PORT="$(pbm_port "$id")" LITHAIR_LOG_STORE="$(log_store)" \
  nohup ${LITHAIR_NODE_PREFIX:-} dotnet "$NODE_DLL" --config "$DATA/cluster.conf" --node-id "$id" --peers "$(peers "$count")" \
    --data "$DATA/node-$id" >>"$(log_file "$id")" 2>&1 &
  echo $! >"$(pid_file "$id")"
  echo "node $id started (pid $!)${LITHAIR_NODE_PREFIX:+ under '$LITHAIR_NODE_PREFIX'}, log $(log_file "$id")"
}

is_ready() {
  curl -fsS -o /dev/null --max-time 2 "http://$HOST:$(mgmt_port "$1")/ready" 2>/dev/null
}

wait_ready() {
  local count="$1" deadline=$((SECONDS + READY_TIMEOUT)) i pending
  while true; do
    pending=""
    for ((i = 0; i < count; i++)); do
      node_pid "$i" >/dev/null || { tail -20 "$(log_file "$i")" >&2; fail "node $i exited during start (log above)"; }
      is_ready "$i" || pending+=" $i"
    done
    [[ -z "$pending" ]] && return
    if ((SECONDS >= deadline)); then
      for i in $pending; do echo "--- node $i (last lines of $(log_file "$i"))" >&2; tail -10 "$(log_file "$i")" >&2; done
      fail "nodes$pending not ready after ${READY_TIMEOUT}s"
    fi
    sleep 0.5
  done
}

cmd_up() {
  local count=3 offset="${LITHAIR_PORT_OFFSET:-0}"
  while (($#)); do
    case "$1" in
      --nodes) [[ $# -ge 2 ]] || fail "--nodes needs a number"; count="$2"; shift 2 ;;
      --nodes=*) count="${1#--nodes=}"; shift ;;
      --port-offset) [[ $# -ge 2 ]] || fail "--port-offset needs a number"; offset="$2"; shift 2 ;;
      --port-offset=*) offset="${1#--port-offset=}"; shift ;;
      *) fail "unknown option for up: $1 (expected --nodes N or --port-offset K)" ;;
    esac
  done
  [[ "$count" =~ ^[1-9]$ ]] || fail "--nodes must be 1 to 9, got '$count'"
  [[ "$offset" =~ ^[0-9]+$ ]] && ((offset <= 20000)) || fail "--port-offset must be 0 to 20000, got '$offset'"
  mkdir -p "$DATA"
  if [[ -f "$DATA/nodes" ]] && [[ "$(cat "$DATA/nodes")" != "$count" ]]; then
    for ((i = 0; i < $(cat "$DATA/nodes"); i++)); do
      node_pid "$i" >/dev/null && fail "a $(cat "$DATA/nodes")-node cluster is running here: 'ops/cluster.sh down' first"
    done
  fi
  echo "$count" >"$DATA/nodes"
  echo "$offset" >"$DATA/port-offset"
  # Recorded so that 'start ID' reopens a node's log in the store it was written to.
  log_store >"$DATA/log-store.next" && mv "$DATA/log-store.next" "$DATA/log-store"
  ensure_built
  write_config
  for ((i = 0; i < count; i++)); do start_node "$i"; done
  echo "Waiting until every node is Up and a leader is elected..."
  wait_ready "$count"
  echo
  echo "LithairAkka cluster of $count nodes is up:"
  for ((i = 0; i < count; i++)); do
    echo "  node $i  http://$HOST:$(http_port "$i")  management http://$HOST:$(mgmt_port "$i")  remoting $HOST:$(remote_port "$i")  pbm $HOST:$(pbm_port "$i")"
  done
  echo
  echo "Try:"
  echo "  curl -X PUT --data-binary 'hello' http://$HOST:$(http_port 0)/kv/greeting"
  echo "  curl http://$HOST:$(http_port $((count - 1)))/kv/greeting"
  echo "  curl http://$HOST:$(http_port 0)/_raft/health"
  echo "  ops/pbm $HOST:$(pbm_port 0) cluster show"
}

cmd_status() {
  local count i pid state ready role
  count="$(node_count)"
  printf '%-5s %-8s %-8s %-7s %s\n' node pid process ready raft
  for ((i = 0; i < count; i++)); do
    if pid="$(node_pid "$i")"; then
      state="$(process_state "$pid")"
      [[ "$state" == "T" ]] && state=paused || state=running
      is_ready "$i" && ready=yes || ready=no
      role="$(curl -fsS --max-time 2 "http://$HOST:$(http_port "$i")/_raft/health" 2>/dev/null \
        | sed -n 's/.*"state":"\([A-Za-z]*\)".*"term":\([0-9]*\).*/\1 (term \2)/p')"
    else
      pid="-"; state=stopped; ready=no; role=""
    fi
    printf '%-5s %-8s %-8s %-7s %s\n' "$i" "$pid" "$state" "$ready" "${role:--}"
  done
}

cmd_signal() {
  local signal="$1" id="$2" pid
  check_id "$id"
  pid="$(node_pid "$id")" || fail "node $id is not running"
  kill "-$signal" "$pid"
  if [[ "$signal" == KILL ]]; then
    # SIGKILL is delivered asynchronously: wait until the node is gone, so that 'start' right after never finds it running.
    local deadline=$((SECONDS + 10))
    while node_pid "$id" >/dev/null && ((SECONDS < deadline)); do sleep 0.05; done
  fi
  echo "node $id (pid $pid): SIG$signal sent"
}

cmd_stop() {
  local id="$1" pid deadline
  check_id "$id"
  pid="$(node_pid "$id")" || { echo "node $id is not running"; return; }
  [[ "$(process_state "$pid")" == "T" ]] && kill -CONT "$pid"
  kill -TERM "$pid"
  deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      echo "node $id did not stop within 30s: killed"
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$id")"
  echo "node $id stopped"
}

fault() {
  local id="$1" path="$2"
  node_pid "$id" >/dev/null || { echo "node $id is not running: skipped"; return; }
  curl -fsS -X POST --max-time 5 "http://$HOST:$(mgmt_port "$id")$path" >/dev/null \
    || fail "node $id refused POST $path (is lithair.testing.fault-injection on?)"
}

cmd_partition() {
  [[ $# -eq 2 ]] || fail "partition needs two sides, e.g. 'partition 0 1,2'"
  local -a left right
  IFS=, read -r -a left <<<"$1"
  IFS=, read -r -a right <<<"$2"
  local a b
  for a in "${left[@]}" "${right[@]}"; do check_id "$a"; done
  for a in "${left[@]}"; do
    for b in "${right[@]}"; do
      [[ "$a" != "$b" ]] || fail "node $a is on both sides"
      fault "$a" "/_fault/blackhole?peer=$HOST:$(remote_port "$b")&direction=both"
      fault "$b" "/_fault/blackhole?peer=$HOST:$(remote_port "$a")&direction=both"
    done
  done
  echo "partitioned {$1} | {$2}"
}

cmd_heal() {
  local count i
  count="$(node_count)"
  for ((i = 0; i < count; i++)); do fault "$i" "/_fault/heal"; done
  echo "healed"
}

cmd_down() {
  [[ -f "$DATA/nodes" ]] || { echo "no cluster here"; return; }
  local count i
  count="$(node_count)"
  for ((i = 0; i < count; i++)); do cmd_stop "$i"; done
}

main() {
  local command="${1:-}"
  shift || true
  case "$command" in
    up) cmd_up "$@" ;;
    status) cmd_status ;;
    kill) [[ $# -eq 1 ]] || fail "usage: kill ID"; cmd_signal KILL "$1" ;;
    stop) [[ $# -eq 1 ]] || fail "usage: stop ID"; cmd_stop "$1" ;;
    start) [[ $# -eq 1 ]] || fail "usage: start ID"; check_id "$1"; ensure_built; write_config; start_node "$1" ;;
    pause) [[ $# -eq 1 ]] || fail "usage: pause ID"; cmd_signal STOP "$1" ;;
    resume) [[ $# -eq 1 ]] || fail "usage: resume ID"; cmd_signal CONT "$1" ;;
    partition) cmd_partition "$@" ;;
    heal) cmd_heal ;;
    down) cmd_down ;;
    clean) cmd_down; rm -rf "$DATA"; echo "removed $DATA" ;;
    ""|-h|--help|help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown command '$command' (try: up, status, kill, stop, start, pause, resume, partition, heal, down, clean)" ;;
  esac
}

main "$@"
