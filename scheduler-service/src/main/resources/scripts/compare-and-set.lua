-- Replace a string value only if it is still what the caller read (optimistic concurrency).
-- KEYS[1] = key; ARGV[1] = expected current value ('' = key must not exist); ARGV[2] = new value.
-- Returns 1 when written, 0 when the value changed meanwhile (the caller rereads and retries).
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
