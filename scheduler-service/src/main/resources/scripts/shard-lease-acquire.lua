-- Acquire or renew the lease of one shard.
-- KEYS[1] = owner key, KEYS[2] = epoch key (same hash slot)
-- ARGV[1] = instance id, ARGV[2] = lease ttl in ms
-- Returns the lease's fencing token (epoch) when the caller holds the lease, -1 when another does.
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(redis.call('GET', KEYS[2]) or '0')
end
if owner then
  return -1
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return redis.call('INCR', KEYS[2])
