-- Prints one JSON line that bench/run.ts parses: throughput, latency percentiles (ms) and
-- every way a request can fail (socket errors, non-2xx/3xx statuses). Scripts that count more
-- (bench/comment.lua) load this file and pass their own fields to report() as `extra`.

local function encode(value)
  if type(value) == 'table' then
    local parts = {}
    for key, item in pairs(value) do parts[#parts + 1] = string.format('"%s":%s', tostring(key), encode(item)) end
    return '{' .. table.concat(parts, ',') .. '}'
  end
  if type(value) == 'number' then return string.format('%.17g', value) end
  return string.format('%q', tostring(value))
end

function report(summary, latency, extra)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},"extra":%s}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, encode(extra or {})))
end

done = function(summary, latency, requests)
  report(summary, latency)
end
