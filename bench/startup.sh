#!/usr/bin/env bash
# Start-up figures of the foundation, on this machine:
#   - ./oro render wall time, median of 5
#   - ./oro serve: time from launch to the first HTTP 200, and RSS after the first request
# Usage: bench/startup.sh [runs]   (builds first through ./oro if needed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
cd "$root"
./oro list >/dev/null   # builds if stale

ms() { date +%s%3N; }

times=()
for _ in $(seq "$runs"); do
  t0=$(ms)
  ./oro render summarize@production --var text="Oro measures itself." >/dev/null
  times+=($(( $(ms) - t0 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "render_wall_ms median_of_${runs}=${median} all=${times[*]}"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
data=$(mktemp -d)
t0=$(ms)
ORO_DATA_DIR="$data" ./oro serve --port "$port" >"$data/server.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/api/prompts"; do sleep 0.02; done
first=$(( $(ms) - t0 ))
java_pid=$(pgrep -P "$pid" java || echo "$pid")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status")
echo "serve_first_200_ms=${first} rss_after_first_request_mb=$(( rss_kb / 1024 ))"
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$data"
