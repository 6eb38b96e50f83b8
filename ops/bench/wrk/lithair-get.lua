-- Linearizable reads from LithairAkka: GET /kv/{key}?consistency=linearizable of one random key. A 404 (key never
-- written) is an answer, as etcd's empty range is, so it is not counted as an error (see count_answer in common.lua).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function init(args)
  seed_thread()
end

function request()
  return wrk.format("GET", "/kv/" .. key_name(math.random(bench_keys)) .. "?consistency=linearizable")
end

response = count_answer
