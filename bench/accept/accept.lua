-- wrk script: the consumer's "Jeg aksepterer tilbudet" (POST /t/TOKEN/accept with the CSRF double-submit
-- cookie and field), each thread walking its own share of the tokens so every request is a first accept
-- until the tokens run out (then they wrap around and become harmless repeats; run.sh counts both).
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local threads = tonumber(os.getenv("THREADS") or "2")
local csrf = string.rep("ab", 32)
tid = 0
local index = 0
setup = function(thread)
  thread:set("tid", tid)
  tid = tid + 1
end
request = function()
  local i = (index * threads + tid) % #tokens + 1
  index = index + 1
  return wrk.format("POST", "/t/" .. tokens[i] .. "/accept",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "tmnorm_csrf=" .. csrf}, "_csrf=" .. csrf)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
