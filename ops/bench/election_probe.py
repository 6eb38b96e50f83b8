#!/usr/bin/env python3
"""Election time after SIGKILL of a LithairAkka leader, for failover measurements.

The probe reads the leader's term from the survivors' /_raft/health, SIGKILLs the leader's pid itself (one monotonic
clock for the kill and the observations), then polls every survivor's /_raft/health as fast as it can and prints, in
milliseconds, the time from the kill until a survivor reports state Leader in a term above the old one.

  election_probe.py --pid PID --endpoints http://127.0.0.1:8081,http://127.0.0.1:8082 [--limit-s 30]

The endpoints are the survivors' data (HTTP) addresses. Used by ops/bench/failover.sh.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
import urllib.request


def health(endpoint):
    try:
        with urllib.request.urlopen(endpoint + "/_raft/health", timeout=0.5) as response:
            return json.load(response)
    except Exception:  # not answering: no observation
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--endpoints", required=True)
    parser.add_argument("--limit-s", type=float, default=30.0)
    args = parser.parse_args()
    endpoints = args.endpoints.split(",")

    terms = [body.get("term", 0) for body in map(health, endpoints) if body is not None]
    if not terms:
        print("election_probe: no survivor answers /_raft/health", file=sys.stderr)
        return 1
    old_term = max(terms)
    state = {"elected": None, "stop": False}
    lock = threading.Lock()

    def poller(endpoint):
        while not state["stop"]:
            body = health(endpoint)
            seen = time.monotonic()
            if body is not None and body.get("state") == "Leader" and body.get("term", 0) > old_term:
                with lock:
                    if state["elected"] is None or seen < state["elected"]:
                        state["elected"] = seen
                return
            time.sleep(0.001)

    kill = time.monotonic()
    os.kill(args.pid, signal.SIGKILL)
    threads = [threading.Thread(target=poller, args=(e,), daemon=True) for e in endpoints]
    for thread in threads:
        thread.start()
    deadline = kill + args.limit_s
    while time.monotonic() < deadline:
        with lock:
            if state["elected"] is not None:
                break
        time.sleep(0.002)
    state["stop"] = True
    if state["elected"] is None:
        print(f"election_probe: no new leader within {args.limit_s} s of the kill", file=sys.stderr)
        return 1
    print(f"{(state['elected'] - kill) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
