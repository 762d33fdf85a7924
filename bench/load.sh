#!/usr/bin/env bash
# Load (the slow part of the reliability campaign): SECONDS of wrk on `./oro serve`, first on
# POST /api/render, then on the read endpoints (GET /api/prompts and /api/prompts/summarize,
# alternating). Each phase must give zero errors (non-2xx answers and socket errors); the
# server's RSS is sampled every second: before, peak, after, and the last sample of each phase.
# Usage: bench/load.sh [SECONDS=60]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
source "$root/bench/lib.sh"
start_server
printf '{"prompt":"summarize@production","variables":{"text":"Oro stays up under load."}}' >"$work/render.json"
before=$(rss_mb "$server_pid")
(while kill -0 "$server_pid" 2>/dev/null; do rss_mb "$server_pid"; sleep 1; done) >"$work/rss.txt" 2>/dev/null &
sampler=$!

# phase NAME PATHS [BODY]: one wrk run and its line.
phase() {
  local out errors
  out=$(wrk_run "$seconds" "$2" "${3:-}")
  errors=$(( $(field non2xx "$out") + $(field socket_errors "$out") ))
  echo "load phase=$1 seconds=$seconds requests=$(field requests "$out") rps=$(field rps "$out") p99_ms=$(field p99_ms "$out")" \
       "non2xx=$(field non2xx "$out") socket_errors=$(field socket_errors "$out") errors=$errors rss_mb_now=$(rss_mb "$server_pid")"
  total_errors=$(( ${total_errors:-0} + errors ))
}

phase render /api/render "$work/render.json"
phase read "/api/prompts /api/prompts/summarize"
sleep 2
after=$(rss_mb "$server_pid")
peak=$(sort -n "$work/rss.txt" | tail -1)
echo "load_memory rss_before_mb=$before rss_peak_mb=$peak rss_after_mb=$after total_errors=$total_errors" \
     "verdict=$([ "$total_errors" = 0 ] && echo ok || echo ERRORS)"
