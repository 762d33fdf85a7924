#!/usr/bin/env bash
# Eval throughput: N tests at concurrency C against the fake OpenAI server with L ms latency.
# Prints wall time over the ideal N*L/C, peak RSS, and the requests of a second (cached) run.
# Usage: bench/eval-throughput.sh [N=1000] [C=16] [L=100]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"; c="${2:-16}"; latency="${3:-100}"
"$root/oro" list >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
LATENCY_MS="$latency" java -Dsun.net.httpserver.nodelay=true "$root/bench/FakeOpenAiServer.java" "$port" >"$work/fake.log" 2>&1 &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/count"; do sleep 0.1; done

cp -r "$root/prompts" "$work/prompts"
mkdir -p "$work/models" "$work/evals"
printf 'provider: openai\nmodel: fake\nbaseUrl: http://127.0.0.1:%s/v1\nmaxRetries: 0\ntimeout: 30s\n' "$port" >"$work/models/fake.yaml"
{
  echo "prompts: [summarize@production]"
  echo "models: [fake]"
  echo "tests:"
  for i in $(seq "$n"); do echo "  - {vars: {text: \"document $i\"}, assert: [{type: contains, value: two}]}"; done
} >"$work/evals/bench.yaml"

run() {
  (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/time.txt" "$root/oro" eval evals/bench.yaml --concurrency "$c" --no-progress ${ORO_BENCH_ARGS:-} \
      --data-dir "$work/data" >"$work/out.txt" 2>"$work/err.txt") || { cat "$work/err.txt"; exit 1; }
  read -r wall rss_kb <"$work/time.txt"
}
run
ideal=$(python3 -c "print($n*$latency/1000/$c)")
requests=$(curl -sf "http://127.0.0.1:$port/count")
echo "eval_throughput tests=$n concurrency=$c latency_ms=$latency wall_s=$wall ideal_s=$ideal ratio=$(python3 -c "print(round($wall/$ideal,3))") peak_rss_mb=$((rss_kb/1024)) requests=$requests"
first=$wall
curl -sf -X POST "http://127.0.0.1:$port/count" >/dev/null
run
echo "eval_cache second_run_requests=$(curl -sf "http://127.0.0.1:$port/count") wall_s=$wall ratio_to_first=$(python3 -c "print(round($wall/$first,3))")"
