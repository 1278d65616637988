-- Release the lease of one shard if, and only if, the caller holds it.
-- KEYS[1] = owner key; ARGV[1] = instance id. Returns 1 when released, 0 otherwise.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
