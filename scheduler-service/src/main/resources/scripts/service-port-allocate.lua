-- Take one free service port from [min, max], searching from a starting offset, and mark it used.
-- KEYS[1] = set of used service ports; ARGV[1] = min, ARGV[2] = max, ARGV[3] = start offset.
-- Returns the port, or -1 when every port of the range is used.
local min, max, start = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local size = max - min + 1
for i = 0, size - 1 do
  local port = min + ((start + i) % size)
  if redis.call('SADD', KEYS[1], port) == 1 then
    return port
  end
end
return -1
