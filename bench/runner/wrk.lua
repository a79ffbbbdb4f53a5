-- bench/run's wrk script. With NR_WRK_PATHS (a file of paths, one a line) each request
-- takes the next path, every thread starting at its own place in the list; without it
-- wrk sends its one static request. done() prints one line, "NRJSON {...}", that
-- bench/runner/wrk.py reads: counts, errors and latency percentiles in microseconds.

local paths = {}
local list = os.getenv("NR_WRK_PATHS")
if list and list ~= "" then
  for line in io.lines(list) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

if #paths > 0 then
  local index = 1

  function init(args)
    local count = tonumber(os.getenv("NR_WRK_THREADS") or "1")
    index = (id or 0) * math.floor(#paths / count) % #paths + 1
  end

  function request()
    local path = paths[index]
    index = index % #paths + 1
    return wrk.format(nil, path)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'NRJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
