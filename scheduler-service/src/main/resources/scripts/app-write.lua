-- Store a new version of an app: its current record, the version's own record and the version index,
-- dropping the oldest versions beyond the limit. All keys share the app's hash slot.
-- KEYS[1] = app key, KEYS[2] = versions sorted set, KEYS[3] = this version's key
-- ARGV[1] = app JSON, ARGV[2] = version, ARGV[3] = version epoch ms, ARGV[4] = max versions,
-- ARGV[5] = '1' to create only (fail when the app exists), '2' to store the version without making
-- it current (a later deployment step makes it current), '0' otherwise; ARGV[6] = prefix of version keys
-- Returns 1 when written, 0 when create-only and the app exists.
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
if ARGV[5] ~= '2' then
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('SET', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
local surplus = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if surplus > 0 then
  local old = redis.call('ZRANGE', KEYS[2], 0, surplus - 1)
  for _, v in ipairs(old) do
    redis.call('DEL', ARGV[6] .. v)
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, surplus - 1)
end
return 1
