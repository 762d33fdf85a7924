#!/usr/bin/env bash
# Eval throughput and cache, Oro against promptfoo in one run: N tests at concurrency C against
# the fake OpenAI server with L ms latency, the same prompt, model and assertion for both tools.
# Per tool and round: wall time over the ideal N*L/C, peak RSS and CPU time of the process tree
# (first run, empty cache), then a second identical run's requests (cache) and its time as a
# ratio to the first. Rounds alternate which tool goes first. The fake's clock splits each first
# run into start-up (launch to first request), calls (first request to last answer, whose ideal
# is N*L/C: calls_ratio) and tail (last answer to exit: writing reports, shutting down).
# TOOLS (default "oro promptfoo") picks the tools; "baseline" is another Oro build, the ./oro
# launcher named by ORO_BASELINE (for a before/after of a change).
# Usage: bench/eval-throughput.sh [N=2000] [C=16] [L=100] [ROUNDS=1]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-2000}"; c="${2:-16}"; latency="${3:-100}"; rounds="${4:-1}"
source "$root/bench/lib.sh"
tools=(${TOOLS:-oro promptfoo})
[ -n "${ORO_BASELINE:-}" ] && "$ORO_BASELINE" list >/dev/null
ensure_promptfoo
start_fake "$latency"
write_suites "$n"
ideal=$(python3 -c "print($n*$latency/1000/$c)")

# measured LABEL CMD...: runs CMD in $work under measure.py; sets wall, rss_mb, requests and
# phases (startup_s, calls_s, calls_ratio, tail_s from the fake's first request and last answer).
# Exit 100 means "an assertion failed" for both tools; anything else non-zero stops the bench.
measured() {
  local label="$1"; shift
  fake_reset
  local t0 t1; t0=$(date +%s%3N)
  (cd "$work" && python3 "$root/bench/measure.py" --out "$work/time.txt" -- "$@" >"$work/$label.out" 2>"$work/$label.err") || true
  local code; t1=$(date +%s%3N)
  read -r wall rss_kb code cpu <"$work/time.txt"
  if [ "$code" != 0 ] && [ "$code" != 100 ]; then
    echo "bench: $label exited $code" >&2; tail -20 "$work/$label.err" >&2; exit 1
  fi
  rss_mb=$((rss_kb / 1024))
  requests=$(fake_requests)
  phases=$(curl -sf "http://127.0.0.1:$fake_port/stats" | python3 -c "import json, sys; s = json.load(sys.stdin)
if s['requests'] == 0:
    print('startup_s=- calls_s=- calls_ratio=- tail_s=-')
else:
    calls = (s['last_answer_ms'] - s['first_request_ms']) / 1000
    print(f\"startup_s={(s['first_request_ms'] - $t0) / 1000:.2f} calls_s={calls:.2f} calls_ratio={calls / $ideal:.3f}\"
          f\" tail_s={($t1 - s['last_answer_ms']) / 1000:.2f}\")")
}

oro_run() {
  measured "oro-$1" "$root/oro" eval evals/bench.yaml --concurrency "$c" --no-progress --data-dir "$work/oro-data" ${ORO_BENCH_ARGS:-}
}

baseline_run() {
  measured "baseline-$1" "$ORO_BASELINE" eval evals/bench.yaml --concurrency "$c" --no-progress --data-dir "$work/oro-data"
}

promptfoo_run() {
  measured "promptfoo-$1" "$promptfoo" eval -c promptfooconfig.yaml -j "$c" --no-progress-bar --no-table
}

# tool ROUND: first and second (cached) run of one tool, each printed on its own line.
tool() {
  local name="$1" round="$2"
  rm -rf "$work/oro-data" "$PROMPTFOO_CACHE_PATH" "$PROMPTFOO_CONFIG_DIR"; mkdir -p "$PROMPTFOO_CONFIG_DIR"
  "${name}_run" first
  local first=$wall first_rss=$rss_mb
  echo "eval_throughput round=$round tool=$name tests=$n concurrency=$c latency_ms=$latency wall_s=$wall ideal_s=$ideal" \
       "ratio_to_ideal=$(ratio "$wall" "$ideal") peak_rss_mb=$rss_mb cpu_s=$cpu requests=$requests $phases"
  "${name}_run" second
  echo "eval_cache round=$round tool=$name second_run_requests=$requests wall_s=$wall ratio_to_first=$(ratio "$wall" "$first")" \
       "peak_rss_mb=$rss_mb cpu_s=$cpu"
  eval "${name}_wall=$first ${name}_rss=$first_rss"
}

for round in $(seq "$rounds"); do
  # Odd rounds in the given order, even rounds reversed.
  order=("${tools[@]}")
  [ $((round % 2)) = 0 ] && order=($(printf '%s\n' "${tools[@]}" | tac))
  for t in "${order[@]}"; do tool "$t" "$round"; done
  if [ -n "${promptfoo_wall:-}" ] && [ -n "${oro_wall:-}" ]; then
    echo "eval_vs round=$round oro_over_promptfoo_wall=$(ratio "$oro_wall" "$promptfoo_wall")" \
         "oro_over_promptfoo_peak_rss=$(ratio "$oro_rss" "$promptfoo_rss")"
  fi
done
