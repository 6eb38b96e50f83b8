-- Shared by the wrk scripts of ops/bench: base64, the key space, per-thread seeding and the result line.
-- Environment: BENCH_KEYS (key space, default 100000), BENCH_VALUE_SIZE (bytes, default 256).

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

function base64(data)
  return ((data:gsub(".", function(c)
    local byte, bits = c:byte(), ""
    for i = 8, 1, -1 do bits = bits .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return bits
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(bits)
    if #bits < 6 then return "" end
    local n = 0
    for i = 1, 6 do n = n + (bits:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return alphabet:sub(n + 1, n + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

bench_keys = tonumber(os.getenv("BENCH_KEYS") or "100000")
bench_value_size = tonumber(os.getenv("BENCH_VALUE_SIZE") or "256")

function key_name(n)
  return string.format("bench-%08d", n)
end

-- A random printable value of bench_value_size bytes, drawn once per thread.
function random_value()
  local chars = {}
  for i = 1, bench_value_size do chars[i] = string.char(math.random(97, 122)) end
  return table.concat(chars)
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function seed_thread()
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

-- A response callback for scripts whose 404s are answers (a read of a key never written, as etcd's empty range):
-- wrk counts every status above 399 as an error, so each thread counts its 404s and done() takes them back out.
not_found = 0

function count_answer(status, headers, body)
  if status == 404 then not_found = not_found + 1 end
end

-- One machine-readable line per run; compare.sh parses it.
function done(summary, latency, requests)
  local e = summary.errors
  local answered_404 = 0
  for _, thread in ipairs(threads) do answered_404 = answered_404 + (tonumber(thread:get("not_found")) or 0) end
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status - answered_404,
    latency:percentile(50), latency:percentile(99)))
end
