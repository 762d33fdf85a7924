#!/usr/bin/env bash
# Render API under wrk on loopback: POST /api/render (summarize@production) against two trivial
# endpoints of the same server, after a warm-up of each: GET /api/info (no work, JSON out through
# Oro's own REST stack: the floor of any API call) and GET /q/health/live (a bare Vert.x route, no
# checks behind it: the floor of the HTTP server). Prints requests/s, the ratios (target >= 0.8)
# and p99; rounds alternate order.
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
wrk_run 5 /api/info >/dev/null

for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    render=$(wrk_run "$seconds" /api/render "$work/render.json"); info=$(wrk_run "$seconds" /api/info)
    trivial=$(wrk_run "$seconds" /q/health/live)
  else
    trivial=$(wrk_run "$seconds" /q/health/live); info=$(wrk_run "$seconds" /api/info)
    render=$(wrk_run "$seconds" /api/render "$work/render.json")
  fi
  echo "render_api round=$round render_rps=$(field rps "$render") info_rps=$(field rps "$info") trivial_rps=$(field rps "$trivial")" \
       "ratio_to_info=$(ratio "$(field rps "$render")" "$(field rps "$info")")" \
       "ratio=$(ratio "$(field rps "$render")" "$(field rps "$trivial")") render_p99_ms=$(field p99_ms "$render")" \
       "info_p99_ms=$(field p99_ms "$info")" \
       "trivial_p99_ms=$(field p99_ms "$trivial") render_errors=$(( $(field non2xx "$render") + $(field socket_errors "$render") ))"
done
