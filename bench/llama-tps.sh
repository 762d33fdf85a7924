#!/usr/bin/env bash
# Tokens per second of the tiny cycling GGUF (800 tokens per answer) through LlamaCppProvider
# and through de.kherud's LlamaModel.generate called directly, same prompt and params.
# Prints: llama_tps oro=<tok/s> direct=<tok/s> ratio=<oro/direct> (median of RUNS runs)
# Usage: bench/llama-tps.sh [runs]   (default 7, after 3 warm-up rounds)
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
mvn -q -B -Dstyle.color=never test -Dtest=LlamaThroughputBench -Doro.bench=true -Doro.bench.runs="$runs" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
if ! grep -o 'llama_tps .*' "$log"; then
    echo "llama-tps: no measurement; the build said:" >&2
    tail -40 "$log" >&2
    exit 1
fi
