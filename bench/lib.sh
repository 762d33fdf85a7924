# Shared by the bench scripts (source it with $root set to the repository): a scratch folder
# $work, removed on exit with every process started here; the fake model server, promptfoo,
# `./oro serve`, wrk, ports and ratios. Sourcing it builds Oro through ./oro if needed.
work=$(mktemp -d)
cleanup() {
  kill ${fake_pid:-} ${server_pid:-} ${sampler:-} 2>/dev/null || true
  [ -z "${server_pid:-}" ] || wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$root/oro" list >/dev/null

# The promptfoo release measured against: the newest that supports Node 20 (0.121 needs Node 22).
PROMPTFOO_VERSION="${PROMPTFOO_VERSION:-0.120.27}"
promptfoo_dir="$root/bench/.promptfoo"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# ratio A B [digits]: A/B rounded.
ratio() {
  python3 -c "print(round($1/$2, ${3:-3}))"
}

# start_fake LATENCY_MS: starts FakeOpenAiServer on a free port; sets fake_port and fake_pid.
# Fault rates come from the caller's environment (RATE_429, RATE_500, RATE_HANG, RATE_MALFORMED).
start_fake() {
  fake_port=$(free_port)
  LATENCY_MS="$1" java -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true "$root/bench/FakeOpenAiServer.java" "$fake_port" \
      >"$work/fake.log" 2>&1 &
  fake_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$fake_port/count"; do sleep 0.1; done
}

fake_requests() {
  curl -sf "http://127.0.0.1:$fake_port/count"
}

fake_reset() {
  curl -sf -X POST -o /dev/null "http://127.0.0.1:$fake_port/count"
}

# Installs the pinned promptfoo into bench/.promptfoo (ignored by git) unless it is there.
ensure_promptfoo() {
  promptfoo="$promptfoo_dir/node_modules/.bin/promptfoo"
  if [ ! -x "$promptfoo" ] || ! "$promptfoo" --version 2>/dev/null | grep -qx "$PROMPTFOO_VERSION"; then
    echo "bench: installing promptfoo@$PROMPTFOO_VERSION into bench/.promptfoo (npm)..." >&2
    mkdir -p "$promptfoo_dir"
    npm install --prefix "$promptfoo_dir" --no-audit --no-fund --loglevel=error "promptfoo@$PROMPTFOO_VERSION" >&2
  fi
  # Its database, cache and config in the scratch folder: nothing shared with a real install,
  # no telemetry and no update check (there is no network).
  export PROMPTFOO_CONFIG_DIR="$work/promptfoo-home"
  export PROMPTFOO_CACHE_PATH="$work/promptfoo-cache"
  export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 PROMPTFOO_DISABLE_SHARING=1
  export PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION=1 OPENAI_API_KEY=sk-bench-fake
  # Its log files: 0.120.27 sometimes crashes at exit writing them ("write after end" in winston).
  export PROMPTFOO_DISABLE_DEBUG_LOG=1 PROMPTFOO_DISABLE_ERROR_LOG=1
  mkdir -p "$PROMPTFOO_CONFIG_DIR"
}

# write_suites N: the same eval for both tools under $work: Oro's evals/bench.yaml (with the
# prompts and a models/fake.yaml profile) and promptfoo's promptfooconfig.yaml. One prompt
# (summarize@production, the same text), one model at the fake, one `contains` assertion per test.
write_suites() {
  local n="$1"
  cp -r "$root/prompts" "$work/prompts"
  mkdir -p "$work/models" "$work/evals"
  printf 'provider: openai\nmodel: fake\nbaseUrl: http://127.0.0.1:%s/v1\nmaxRetries: 0\ntimeout: 30s\n' "$fake_port" \
      >"$work/models/fake.yaml"
  python3 - "$n" "$work" "$fake_port" <<'EOF'
import sys
n, work, port = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(f"{work}/evals/bench.yaml", "w") as f:
    f.write("prompts: [summarize@production]\nmodels: [fake]\ntests:\n")
    for i in range(1, n + 1):
        f.write(f'  - {{vars: {{text: "document {i}"}}, assert: [{{type: contains, value: two}}]}}\n')
# summarize@production as Oro renders it: one user message.
with open(f"{work}/summarize.txt", "w") as f:
    f.write('Summarize the text below as a bullet point list of the most important points.\n\nText: """\n{{text}}\n"""')
with open(f"{work}/promptfooconfig.yaml", "w") as f:
    f.write(f"""prompts: [file://summarize.txt]
providers:
  - id: openai:chat:fake
    config:
      apiBaseUrl: http://127.0.0.1:{port}/v1
      apiKey: sk-bench-fake
      temperature: 0.2
      max_tokens: 500
tests:
""")
    for i in range(1, n + 1):
        f.write(f'  - {{vars: {{text: "document {i}"}}, assert: [{{type: contains, value: two}}]}}\n')
EOF
}

# start_server: `./oro serve` on a free port in $work (its own prompts copy and data folder);
# sets server_port, server_pid (the JVM: ./oro execs java) and server_first_200_ms.
start_server() {
  server_port=$(free_port)
  [ -d "$work/prompts" ] || cp -r "$root/prompts" "$work/prompts"
  local t0; t0=$(date +%s%3N)
  (cd "$work" && ORO_DATA_DIR="$work/server-data" exec "$root/oro" serve --port "$server_port" >"$work/server.log" 2>&1) &
  server_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$server_port/api/prompts"; do
    kill -0 "$server_pid" 2>/dev/null || { echo "bench: oro serve died:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  server_first_200_ms=$(( $(date +%s%3N) - t0 ))
}

rss_mb() {
  awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"
}

# wrk_run SECONDS PATHS [BODY_FILE]: wrk on the server with bench/wrk.lua; prints its wrk_summary
# fields (requests=… rps=… p99_ms=… non2xx=… socket_errors=…).
wrk_run() {
  WRK_PATHS="$2" WRK_BODY="${3:-}" wrk -t2 -c"${WRK_CONNECTIONS:-16}" -d"$1"s --latency -s "$root/bench/wrk.lua" \
      "http://127.0.0.1:$server_port${2%% *}" | sed -n 's/^wrk_summary //p'
}

# field NAME LINE: the value of NAME=value in a summary line.
field() {
  sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"
}
