-- wrk script of the load benchmark (bench/load.py): requests from a file, rotated per thread.
--
--   wrk -t T -c C -d D -s bench/wrk.lua http://127.0.0.1:PORT -- FILE T MODE TOKEN
--
-- FILE has one request a line, tab-separated: METHOD PATH HEADER VALUE BODY ("-" for none).
-- Thread k of T takes lines k, k+T, k+2T, ... so no two threads share a line.
-- MODE "static": the requests as written. MODE "write": VALUE is the row's current version;
-- each request sends If-Match with it and a new body ({"notes": "bench <thread>-<n>"}), and
-- the version goes up by one, so a thread that wraps around its lines still gets no 412.
-- done() prints one line "WRKJSON {...}" with the counts and latency percentiles (µs).

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

local function split(line)
  local out = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(out, field)
  end
  return out
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  mode, token = args[3], args[4]
  entries, index, sent = {}, 0, 0
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if (n - 1) % nthreads == tid - 1 then
      local f = split(line)
      local headers = { ["Authorization"] = "Bearer " .. token }
      local body = nil
      if f[5] ~= "-" then
        body = f[5]
        headers["Content-Type"] = "application/json"
      end
      if mode == "write" then
        table.insert(entries, { method = f[1], path = f[2], version = tonumber(f[4]) })
      else
        if f[3] ~= "-" then
          headers[f[3]] = f[4]
        end
        table.insert(entries, wrk.format(f[1], f[2], headers, body))
      end
    end
  end
end

function request()
  index = index % #entries + 1
  if mode ~= "write" then
    return entries[index]
  end
  local e = entries[index]
  sent = sent + 1
  local body = string.format('{"notes":"bench %d-%d"}', tid, sent)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["If-Match"] = string.format('"%d"', e.version),
  }
  e.version = e.version + 1
  return wrk.format(e.method, e.path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,'
      .. '"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max))
end
