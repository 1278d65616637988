-- End a deployment (finished or cancelled): release the locks it still holds, drop its record,
-- its progress sets and its index entry.
-- KEYS[1] = locks hash, KEYS[2] = index zset, KEYS[3] = deployment hash
-- ARGV[1] = id, ARGV[2..] = its app ids
-- Returns 1 when it existed.
local total = tonumber(redis.call('HGET', KEYS[3], 'total') or '0')
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
  end
end
for step = 1, total do
  redis.call('DEL', KEYS[3] .. ':done:' .. step)
end
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[3])
