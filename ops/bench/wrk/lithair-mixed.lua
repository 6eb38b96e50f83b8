-- Mixed load on LithairAkka: 90 % linearizable GETs, 10 % PUTs, random keys; a 404 read is an answer, not an error.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local value

function init(args)
  seed_thread()
  value = random_value()
end

function request()
  local path = "/kv/" .. key_name(math.random(bench_keys))
  if math.random(10) == 1 then
    return wrk.format("PUT", path, nil, value)
  end
  return wrk.format("GET", path .. "?consistency=linearizable")
end

response = count_answer
