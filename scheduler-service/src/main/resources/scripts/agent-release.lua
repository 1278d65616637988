-- Release the claim of one task on one agent, exactly once.
-- KEYS[1] = agent hash, KEYS[2] = agent's claimed ports set, KEYS[3] = agent's claims hash (as agent-claim.lua)
-- ARGV[1] = task id
-- Returns the released claim JSON, or nil when the task holds no claim there (nothing changes).
-- Usage never drops below zero; a deleted agent record is not re-created.
local function round3(x) return math.floor(x * 1000 + 0.5) / 1000 end
local function fmt(x) return string.format('%.14g', x) end

local claim = redis.call('HGET', KEYS[3], ARGV[1])
if not claim then
  return false
end
local released = cjson.decode(claim)
redis.call('HDEL', KEYS[3], ARGV[1])
if #released.ports > 0 then
  redis.call('SREM', KEYS[2], unpack(released.ports))
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  local used = redis.call('HMGET', KEYS[1], 'used.cpus', 'used.mem', 'used.disk')
  local left = {}
  for i, name in ipairs({'cpus', 'mem', 'disk'}) do
    left[i] = math.max(0, round3((tonumber(used[i]) or 0) - (tonumber(released[name]) or 0)))
  end
  redis.call('HSET', KEYS[1], 'used.cpus', fmt(left[1]), 'used.mem', fmt(left[2]), 'used.disk', fmt(left[3]))
end
return claim
