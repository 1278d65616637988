-- Record that one app's action of the current step is done; advance when the step is complete.
-- KEYS[1] = deployment hash, KEYS[2] = the step's done set
-- ARGV[1] = step the caller saw, ARGV[2] = app id, ARGV[3] = number of actions in that step
-- Returns the current step after the call (unchanged when the caller's step is stale), total + 1
-- when the last step completed (the caller then ends the deployment), 0 when the deployment is gone.
local step = redis.call('HGET', KEYS[1], 'step')
if not step then
  return 0
end
if step ~= ARGV[1] then
  return tonumber(step)
end
redis.call('SADD', KEYS[2], ARGV[2])
if redis.call('SCARD', KEYS[2]) < tonumber(ARGV[3]) then
  return tonumber(step)
end
local next = tonumber(step) + 1
redis.call('HSET', KEYS[1], 'step', tostring(next))
return next
