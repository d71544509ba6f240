#!/usr/bin/env python3
"""RTT-1000 in plain Python: the peer that 'fairshare bench sim' times in the same run.

Our own code, written from the model of the research note (simulation-and-metrics.md section 3.1): N agents with
B0 tokens each; per timestep every agent i in order sends floor(balance_i * k / 100) tokens, k = r2 mod 11, to
agent j = r1 mod (N - 1) (skipping i), reading the balances at the start of the step; all deltas land together.
SplitMix64 seeded with 0x5EED0000 + run. Prints one JSON line per run with the FNV-1a-64 of the balances joined by
',' and a last line with the wall time of the runs (no history kept, like the note's 'plain Python loop').
Usage: python3 rtt_plain.py [--runs 10] [--agents 1000] [--steps 1000]
"""
import argparse
import json
import time

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def run_once(run, agents, steps, initial):
    balances = [initial] * agents
    state = 0x5EED0000 + run
    others = agents - 1
    volume = 0
    for _ in range(steps):
        delta = [0] * agents
        for i in range(agents):
            state = (state + GAMMA) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            r1 = z ^ (z >> 31)
            state = (state + GAMMA) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            r2 = z ^ (z >> 31)
            j = r1 % others
            if j >= i:
                j += 1
            amount = balances[i] * (r2 % 11) // 100
            delta[i] -= amount
            delta[j] += amount
            volume += amount
        balances = [b + d for b, d in zip(balances, delta)]
    return balances, volume


def fnv1a64(balances):
    h = 0xcbf29ce484222325
    for byte in ",".join(str(b) for b in balances).encode("ascii"):
        h = ((h ^ byte) * 0x100000001b3) & MASK
    return h


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--initial", type=int, default=1000)
    args = parser.parse_args()
    start = time.perf_counter()
    for run in range(1, args.runs + 1):
        balances, volume = run_once(run, args.agents, args.steps, args.initial)
        print(json.dumps({"run": run, "fnv1a64": format(fnv1a64(balances), "016x"), "volume": volume}), flush=True)
    print(json.dumps({"seconds": time.perf_counter() - start}), flush=True)


if __name__ == "__main__":
    main()
