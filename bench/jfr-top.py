#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: the hottest methods by self time (top frame)
and by total time (anywhere on the stack), as percentages of all samples.

Usage: jfr-top.py FILE.jfr [N=25] [FILTER]   (FILTER: only count stacks containing this text)
"""
import collections
import subprocess
import sys


def stacks(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                          capture_output=True, text=True, check=True).stdout
    current = None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("stackTrace = ["):
            current = []
        elif current is not None:
            if s == "]" or s.startswith("]"):
                yield current
                current = None
            elif s and s != "...":
                current.append(s.split("  line:")[0].strip())


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    only = sys.argv[3] if len(sys.argv) > 3 else None
    self_time, total_time, count = collections.Counter(), collections.Counter(), 0
    for frames in stacks(path):
        if not frames or (only and not any(only in f for f in frames)):
            continue
        count += 1
        self_time[frames[0]] += 1
        for f in set(frames):
            total_time[f] += 1
    print(f"samples: {count}")
    print("self:")
    for f, k in self_time.most_common(n):
        print(f"  {100 * k / count:5.1f}%  {f}")
    print("total (dev.oro frames):")
    for f, k in [(f, k) for f, k in total_time.most_common() if f.startswith("dev.oro")][:n]:
        print(f"  {100 * k / count:5.1f}%  {f}")


if __name__ == "__main__":
    main()
