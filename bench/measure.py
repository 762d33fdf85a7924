#!/usr/bin/env python3
"""Runs a command and measures it as a whole process tree: wall time and peak RSS.

`/usr/bin/time` reports the largest single process; promptfoo's launcher and any workers it
starts are several, so this sums VmRSS over the command and all its descendants, sampled
every INTERVAL seconds (0.1 by default) from /proc.

Usage: measure.py [--out FILE] [--series FILE] [--interval S] -- CMD ARGS...
  --out FILE     write "wall_s peak_rss_kb exit_code cpu_s" to FILE (default: stderr); cpu_s is
                 user + system time of the command and the descendants it waited for
  --series FILE  also write "elapsed_s rss_kb" samples to FILE, one a line
The command's stdout and stderr pass through; the exit code is the command's.
"""
import os
import resource
import subprocess
import sys
import time


def children_of():
    """pid -> list of child pids, from /proc/*/stat."""
    tree = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(root):
    tree = children_of()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(tree.get(pid, []))
    return found


def main(argv):
    out, series, interval = None, None, 0.1
    while argv and argv[0] != "--":
        flag, value, argv = argv[0], argv[1], argv[2:]
        if flag == "--out":
            out = value
        elif flag == "--series":
            series = value
        elif flag == "--interval":
            interval = float(value)
        else:
            sys.exit(f"measure.py: unknown option {flag}")
    cmd = argv[1:]
    samples = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak, pids, n = 0, [proc.pid], 0
    while proc.poll() is None:
        # Walking all of /proc is the costly part: refresh the tree every 5th sample only.
        if n % 5 == 0:
            pids = descendants(proc.pid)
        n += 1
        rss = sum(rss_kb(pid) for pid in pids)
        peak = max(peak, rss)
        samples.append((time.monotonic() - start, rss))
        time.sleep(interval)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    line = f"{wall:.2f} {peak} {proc.returncode} {cpu:.2f}\n"
    if out:
        with open(out, "w") as f:
            f.write(line)
    else:
        sys.stderr.write(line)
    if series:
        with open(series, "w") as f:
            f.writelines(f"{t:.2f} {rss}\n" for t, rss in samples)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
