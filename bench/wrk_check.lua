-- wrk script for `make bench`: POST one API check per request and count any answer that is
-- not a 200 with "ok":true as an error.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"access_key_id": "AKIAIOSFODNN7EXAMPLE", ' ..
           '"secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"ok":true', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("bad")
  end
  io.write(string.format("CREDCHECK requests=%d errors=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
