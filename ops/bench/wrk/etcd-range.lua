-- Linearizable reads through etcd's JSON gateway: POST /v3/kv/range of one random key (serializable = false, etcd's default).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local keys = {}

function init(args)
  seed_thread()
  for i = 1, 20000 do keys[i] = base64(key_name(math.random(bench_keys))) end
end

function request()
  return wrk.format("POST", "/v3/kv/range", { ["Content-Type"] = "application/json" },
    '{"key":"' .. keys[math.random(#keys)] .. '"}')
end
