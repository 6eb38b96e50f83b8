-- Durable writes through etcd's JSON gateway: POST /v3/kv/put, random keys, BENCH_VALUE_SIZE-byte values.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local keys = {}
local value

function init(args)
  seed_thread()
  value = base64(random_value())
  -- Encoding per request would cost more client CPU than etcd spends; encode a random sample of the key space once.
  for i = 1, 20000 do keys[i] = base64(key_name(math.random(bench_keys))) end
end

function request()
  local body = '{"key":"' .. keys[math.random(#keys)] .. '","value":"' .. value .. '"}'
  return wrk.format("POST", "/v3/kv/put", { ["Content-Type"] = "application/json" }, body)
end
