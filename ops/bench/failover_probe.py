#!/usr/bin/env python3
"""Write unavailability after SIGKILL of a leader, for ops/bench/compare.sh.

Four writer threads put continuously (each request with a short timeout) against the nodes that survive; after a
steady second the probe SIGKILLs the leader's pid itself, so the kill and the measurements share one monotonic clock.
It prints the unavailability in milliseconds: from the kill to the completion of the first successful write that was
sent after the kill.

  failover_probe.py --kind etcd|lithair --pid PID --endpoints http://127.0.0.1:2379,... [--limit-s 30]
"""
import argparse
import base64
import json
import os
import signal
import sys
import threading
import time
import urllib.request


def put_request(kind, endpoint, n):
    key, value = f"failover-{n % 1000}", f"value-{n}"
    if kind == "etcd":
        body = json.dumps({"key": base64.b64encode(key.encode()).decode(),
                           "value": base64.b64encode(value.encode()).decode()}).encode()
        return urllib.request.Request(endpoint + "/v3/kv/put", data=body, method="POST",
                                      headers={"Content-Type": "application/json"})
    return urllib.request.Request(f"{endpoint}/kv/{key}", data=value.encode(), method="PUT")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", choices=["etcd", "lithair"], required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--endpoints", required=True)
    parser.add_argument("--limit-s", type=float, default=30.0)
    args = parser.parse_args()
    endpoints = args.endpoints.split(",")

    lock = threading.Lock()
    state = {"kill": None, "recovered": None, "stop": False, "n": 0}

    def writer(index):
        while not state["stop"]:
            with lock:
                state["n"] += 1
                n = state["n"]
            endpoint = endpoints[(index + n) % len(endpoints)]
            sent = time.monotonic()
            try:
                with urllib.request.urlopen(put_request(args.kind, endpoint, n), timeout=0.5) as response:
                    ok = response.status == 200
            except Exception:  # timeouts, refused connections, 5xx: the write is not (known to be) done
                ok = False
            done = time.monotonic()
            with lock:
                if ok and state["kill"] is not None and sent >= state["kill"] and state["recovered"] is None:
                    state["recovered"] = done
            if not ok:
                time.sleep(0.002)

    threads = [threading.Thread(target=writer, args=(i,), daemon=True) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    with lock:
        state["kill"] = time.monotonic()
    os.kill(args.pid, signal.SIGKILL)
    deadline = state["kill"] + args.limit_s
    while time.monotonic() < deadline:
        with lock:
            if state["recovered"] is not None:
                break
        time.sleep(0.005)
    state["stop"] = True
    if state["recovered"] is None:
        print(f"failover_probe: no write succeeded within {args.limit_s} s of the kill", file=sys.stderr)
        return 1
    print(f"{(state['recovered'] - state['kill']) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
