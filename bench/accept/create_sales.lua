-- wrk script: POST /api/v1/sales with a fresh Idempotency-Key and consumer number per request.
local campaign = os.getenv("CAMPAIGN")
local key = os.getenv("API_KEY")
local counter = 0
tid = 0
setup = function(thread)
  tid = tid + 1
  thread:set("tid", tid)
end
request = function()
  counter = counter + 1
  local n = tid * 1000000 + counter
  local phone = string.format("+47 9%07d", n % 10000000)
  local body = string.format('{"campaign_id":"%s","consumer":{"name":"Kari Benk %d","phone":"%s"},"product":"Nordlys Fastpris 12","price":{"amount":"399,00","currency":"NOK","period":"month"},"binding_months":12,"terms":"Fastpris i 12 måneder.","payment":"Faktura hver måned.","delivery":"Starter når du aksepterer.","termination":"Én måneds oppsigelse etter bindingstiden."}', campaign, n, phone)
  return wrk.format("POST", "/api/v1/sales", {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. tid .. "-" .. counter}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
