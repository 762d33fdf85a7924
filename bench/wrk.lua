-- wrk script for the bench: `wrk -s bench/wrk.lua ...` with the request set by environment:
--   WRK_PATHS  paths to cycle through, separated by spaces (default: the URL's own path)
--   WRK_BODY   a file whose content is POSTed as JSON to every path (default: GET)
-- At the end it prints one line that the scripts parse:
--   wrk_summary requests=N duration_s=S rps=R p50_ms=A p99_ms=B non2xx=N socket_errors=N
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS") or "", "%S+") do
  paths[#paths + 1] = p
end
local body_file = os.getenv("WRK_BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  f:close()
end

local i = 0
request = function()
  if #paths == 0 then
    return wrk.format()
  end
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk_summary requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
