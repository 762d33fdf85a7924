#!/usr/bin/env bash
# Render API under wrk on loopback: POST /api/render (summarize@production) against a trivial
# endpoint of the same server (GET /q/health/live, no checks behind it), after a warm-up of
# each. Prints requests/s of both, their ratio (target >= 0.8) and p99; rounds alternate order.
# Usage: bench/render-api.sh [SECONDS=15] [ROUNDS=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-15}"; rounds="${2:-3}"
source "$root/bench/lib.sh"
start_server
printf '{"prompt":"summarize@production","variables":{"text":"Oro renders prompts in a sandbox."}}' >"$work/render.json"
curl -sf -o /dev/null -H 'Content-Type: application/json' -d @"$work/render.json" "http://127.0.0.1:$server_port/api/render"
wrk_run 30 /api/render "$work/render.json" >/dev/null   # JIT warm-up: C2 needs more than 10 s here
wrk_run 5 /q/health/live >/dev/null

for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    render=$(wrk_run "$seconds" /api/render "$work/render.json"); trivial=$(wrk_run "$seconds" /q/health/live)
  else
    trivial=$(wrk_run "$seconds" /q/health/live); render=$(wrk_run "$seconds" /api/render "$work/render.json")
  fi
  echo "render_api round=$round render_rps=$(field rps "$render") trivial_rps=$(field rps "$trivial")" \
       "ratio=$(ratio "$(field rps "$render")" "$(field rps "$trivial")") render_p99_ms=$(field p99_ms "$render")" \
       "trivial_p99_ms=$(field p99_ms "$trivial") render_errors=$(( $(field non2xx "$render") + $(field socket_errors "$render") ))"
done
