-- Durable writes to LithairAkka: PUT /kv/{key}, random keys, BENCH_VALUE_SIZE-byte values (answered once a quorum
-- has committed the entry, INTERFACE §4).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local value

function init(args)
  seed_thread()
  value = random_value()
end

function request()
  return wrk.format("PUT", "/kv/" .. key_name(math.random(bench_keys)), nil, value)
end
