-- Mixed load through etcd's JSON gateway: 90 % linearizable range reads, 10 % puts, random keys.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local keys = {}
local value

function init(args)
  seed_thread()
  value = base64(random_value())
  for i = 1, 20000 do keys[i] = base64(key_name(math.random(bench_keys))) end
end

function request()
  local key = keys[math.random(#keys)]
  if math.random(10) == 1 then
    return wrk.format("POST", "/v3/kv/put", { ["Content-Type"] = "application/json" },
      '{"key":"' .. key .. '","value":"' .. value .. '"}')
  end
  return wrk.format("POST", "/v3/kv/range", { ["Content-Type"] = "application/json" }, '{"key":"' .. key .. '"}')
end
