#!/usr/bin/env bash
# Start-up, Oro against promptfoo, on this machine (medians of RUNS, all values printed):
#   - `./oro render` wall time
#   - a one-test eval against the fake server (1 ms latency, cache cleared before each run):
#     `./oro eval` and `promptfoo eval`, and their ratio
#   - `./oro serve`: launch to the first HTTP 200, and RSS after that request
# Usage: bench/startup.sh [RUNS=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
source "$root/bench/lib.sh"
ensure_promptfoo
start_fake 1
write_suites 1

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# timed CMD...: wall milliseconds of CMD run in $work; stops the bench if it fails.
timed() {
  local t0; t0=$(date +%s%3N)
  (cd "$work" && "$@" >"$work/timed.out" 2>&1) || { echo "bench: $* failed:" >&2; tail -20 "$work/timed.out" >&2; exit 1; }
  echo $(( $(date +%s%3N) - t0 ))
}

render=(); oro=(); promptfoo_ms=()
for _ in $(seq "$runs"); do
  render+=("$(timed "$root/oro" render summarize@production --var text="Oro measures itself.")")
  rm -rf "$work/oro-data" "$PROMPTFOO_CACHE_PATH"
  oro+=("$(timed "$root/oro" eval evals/bench.yaml --no-progress --data-dir "$work/oro-data")")
  promptfoo_ms+=("$(timed "$promptfoo" eval -c promptfooconfig.yaml --no-progress-bar --no-table)")
done
echo "startup_render_ms median_of_$runs=$(median "${render[@]}") all=${render[*]}"
echo "startup_one_test_eval oro_ms=$(median "${oro[@]}") promptfoo_ms=$(median "${promptfoo_ms[@]}")" \
     "ratio=$(ratio "$(median "${oro[@]}")" "$(median "${promptfoo_ms[@]}")") oro_all=${oro[*]} promptfoo_all=${promptfoo_ms[*]}"

first=()
for _ in $(seq "$runs"); do
  rm -rf "$work/server-data"
  start_server
  first+=("$server_first_200_ms")
  rss=$(rss_mb "$server_pid")
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done
echo "startup_serve_first_200_ms median_of_$runs=$(median "${first[@]}") all=${first[*]} rss_after_first_request_mb=$rss"
