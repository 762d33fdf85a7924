#!/usr/bin/env bash
# Scale: `./oro eval` of N tests at concurrency C against the fake server with 1 ms latency.
# Prints tests per second, peak RSS of the process tree, and the RSS sampled over the run at
# each tenth of it (flat memory means the late samples are no higher than the early ones).
# With PROMPTFOO=1 it runs promptfoo on the same suite afterwards (slow: see bench/README.md).
# Usage: bench/scale.sh [N=100000] [C=16] [L=1]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"; c="${2:-16}"; latency="${3:-1}"
source "$root/bench/lib.sh"
[ "${PROMPTFOO:-0}" = 1 ] && ensure_promptfoo
start_fake "$latency"
write_suites "$n"

# scale TOOL CMD...: runs CMD in $work sampling the tree's RSS every half second, prints a line.
scale() {
  local tool="$1"; shift
  fake_reset
  (cd "$work" && python3 "$root/bench/measure.py" --interval 0.5 --out "$work/time.txt" --series "$work/rss.txt" -- "$@" \
      >"$work/$tool.out" 2>"$work/$tool.err") || true
  read -r wall rss_kb code cpu <"$work/time.txt"
  if [ "$code" != 0 ] && [ "$code" != 100 ]; then
    echo "bench: $tool exited $code" >&2; tail -20 "$work/$tool.err" >&2; exit 1
  fi
  local series
  series=$(python3 - "$work/rss.txt" <<'EOF'
import sys
rows = [line.split() for line in open(sys.argv[1])]
picks = [rows[min(len(rows) - 1, round(i * (len(rows) - 1) / 10))] for i in range(11)]
print(" ".join(f"{float(t):.0f}s:{int(kb) // 1024}" for t, kb in picks))
EOF
)
  echo "scale tool=$tool tests=$n concurrency=$c latency_ms=$latency wall_s=$wall tests_per_s=$(python3 -c "print(round($n/$wall))")" \
       "peak_rss_mb=$((rss_kb / 1024)) cpu_s=$cpu requests=$(fake_requests) rss_mb_over_time=$series"
}

scale oro "$root/oro" eval evals/bench.yaml --concurrency "$c" --no-progress --data-dir "$work/oro-data"
if [ "${PROMPTFOO:-0}" = 1 ]; then
  scale promptfoo "$promptfoo" eval -c promptfooconfig.yaml -j "$c" --no-progress-bar --no-table
fi
