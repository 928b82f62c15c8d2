-- wrk script for bench/run.
--   wrk ... -s bench/wrk/requests.lua http://localhost:8081 -- /path/a /path/b ...
-- Sends GET requests cycling over the paths given after "--" (each thread starts at another one),
-- with the headers given by -H (the bearer token). Counts every answer that is not 2xx (nor
-- BENCH_EXPECT_STATUS, e.g. 304 for conditional requests), per status,
-- and prints one machine-readable line at the end:
--   BENCH requests=.. duration_us=.. rps=.. ok_rps=.. (2xx only) p50_us=.. p90_us=.. p99_us=.. max_us=.. mean_us=..
--         non2xx=.. statuses=404x3,500x1 socket_errors=.. timeouts=..

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("thread_index", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for _, path in ipairs(args) do
    requests[#requests + 1] = wrk.format("GET", path)
  end
  if #requests == 0 then
    requests[1] = wrk.format("GET", wrk.path)
  end
  index = (thread_index or 0) % #requests
  non2xx = 0
  statuses = {}
  answers = 0
  -- BENCH_EXPECT_STATUS: this status counts as a success too (bench/run's conditional requests: 304)
  expect_status = tonumber(os.getenv("BENCH_EXPECT_STATUS") or "")
  -- BENCH_MAX_REQUESTS: each thread stops after this many answers (bench/run's short gateway probe)
  max_answers = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "")
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status, headers, body)
  if (status < 200 or status > 299) and status ~= expect_status then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
  answers = answers + 1
  if max_answers and answers >= max_answers then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests_)
  local bad, by_status = 0, {}
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local list = {}
  for status, n in pairs(by_status) do
    list[#list + 1] = string.format("%dx%d", status, n)
  end
  table.sort(list)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f ok_rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f non2xx=%d statuses=%s socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / seconds, (summary.requests - bad) / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    bad, #list > 0 and table.concat(list, ",") or "-", e.connect + e.read + e.write, e.timeout))
end
