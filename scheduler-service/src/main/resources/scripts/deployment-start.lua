-- Start a deployment: lock its apps, store it, index it — or change nothing and name the
-- deployments that hold any of its apps. Locks of the deployments it replaces (a forced change, a
-- rollback) are taken over in the same step, so their apps are never unlocked in between.
-- KEYS[1] = locks hash, KEYS[2] = index zset, KEYS[3] = deployment hash
-- ARGV[1] = id, ARGV[2] = plan JSON, ARGV[3] = started (epoch ms), ARGV[4] = total steps,
-- ARGV[5] = n, ARGV[6..5+n] = ids of the deployments it replaces, ARGV[6+n..] = app ids
-- Returns {} when started, else the ids of the holding deployments.
local replaced, n = {}, tonumber(ARGV[5])
for i = 6, 5 + n do
  replaced[ARGV[i]] = true
end
local holders, seen = {}, {}
for i = 6 + n, #ARGV do
  local owner = redis.call('HGET', KEYS[1], ARGV[i])
  if owner and owner ~= ARGV[1] and not replaced[owner] and not seen[owner] then
    seen[owner] = true
    holders[#holders + 1] = owner
  end
end
if #holders > 0 then
  return holders
end
for i = 6 + n, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[1])
end
redis.call('HSET', KEYS[3], 'plan', ARGV[2], 'step', '1', 'total', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return {}
