-- POSTs a create with no id, so every request makes a new group (no idempotent shortcut), in one of 10000
-- calls; the token comes from the environment (TOKEN), as the Graph SDK would send it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local body = '{"routingMode":"multicast","sources":["632899f8-2ea1-4604-8413-27bd2892079f"],'
  .. '"receivers":["550fae72-d251-43ec-868c-373732c2704f","72f988bf-86f1-41af-91ab-2d7cd011db47"]}'

request = function()
  local path = "/beta/communications/calls/bench-" .. math.random(1, 10000) .. "/audioRoutingGroups"
  return wrk.format(nil, path, nil, body)
end

-- One parsable line at the end: requests/s, latency percentiles in microseconds, errors.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), errors))
end
