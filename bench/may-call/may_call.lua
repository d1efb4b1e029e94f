-- wrk script: GET /api/v1/may-call for numbers of the campaign's washed call list (run.sh writes it with the
-- same formula), with the bench API key; AT (an ISO 8601 time with offset) asks about that moment instead of now.
local campaign = os.getenv("CAMPAIGN")
local key = os.getenv("API_KEY")
local at = os.getenv("AT") or ""
local atParam = ""
if at ~= "" then atParam = "&at=" .. at:gsub("%+", "%%2B"):gsub(":", "%%3A") end
math.randomseed(42)
request = function()
  local k = math.random(0, 199999)
  local number = tostring(90000000 + (k * 7919) % 10000000)
  return wrk.format("GET", "/api/v1/may-call?campaign=" .. campaign .. "&number=" .. number .. atParam, {["Authorization"] = "Bearer " .. key})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
