-- Claim cpus, mem, disk and host ports of one agent for one task: all or nothing.
-- KEYS[1] = agent hash (RedisKeys.agent): info = AgentInfo JSON (capacity, ports range), state,
--           used.cpus, used.mem, used.disk (kept by this script and agent-release.lua)
-- KEYS[2] = set of the agent's claimed host ports (RedisKeys.agentPorts)
-- KEYS[3] = hash of the agent's claims (RedisKeys.agentClaims): task id -> claim JSON
-- ARGV[1] = task id, ARGV[2] = cpus, ARGV[3] = mem, ARGV[4] = disk, ARGV[5] = number of host ports,
-- ARGV[6] = requirePorts: one host port per port definition, comma-separated, in order (0 = any free
--           port); empty: the lowest free ones
-- Returns {'claimed', claim} for a new claim; {'existing', claim} when the task holds one already
-- (idempotent: nothing changes); {'declined', reason} with reason agent_unknown, agent_not_active or
-- insufficient_cpus|mem|disk|ports (nothing changes). claim = {"cpus":c,"mem":m,"disk":d,"ports":[p,..]}.
-- Amounts are rounded to 3 decimals so that claims and releases never drift.
local function round3(x) return math.floor(x * 1000 + 0.5) / 1000 end
local function fmt(x) return string.format('%.14g', x) end

local existing = redis.call('HGET', KEYS[3], ARGV[1])
if existing then
  return {'existing', existing}
end

local agent = redis.call('HMGET', KEYS[1], 'info', 'state', 'used.cpus', 'used.mem', 'used.disk')
if not agent[1] then
  return {'declined', 'agent_unknown'}
end
if agent[2] and agent[2] ~= 'ACTIVE' then
  return {'declined', 'agent_not_active'}
end
local info = cjson.decode(agent[1])

local names = {'cpus', 'mem', 'disk'}
local wanted = {round3(tonumber(ARGV[2])), round3(tonumber(ARGV[3])), round3(tonumber(ARGV[4]))}
local after = {}
for i, name in ipairs(names) do
  after[i] = round3((tonumber(agent[i + 2]) or 0) + wanted[i])
  if after[i] > round3(tonumber(info.capacity[name]) or 0) then
    return {'declined', 'insufficient_' .. name}
  end
end

local ports = {}
local count = tonumber(ARGV[5])
if count > 0 then
  local taken = {}
  for _, port in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    taken[tonumber(port)] = true
  end
  local first, last = tonumber(info.ports.begin), tonumber(info.ports['end'])
  if ARGV[6] and ARGV[6] ~= '' then
    local wanted = {}
    for p in string.gmatch(ARGV[6], '%d+') do
      local port = tonumber(p)
      if port ~= 0 then
        if port < first or port > last or taken[port] then
          return {'declined', 'insufficient_ports'}
        end
        taken[port] = true
      end
      wanted[#wanted + 1] = port
    end
    local next_free = first
    for _, port in ipairs(wanted) do
      if port == 0 then
        while next_free <= last and taken[next_free] do
          next_free = next_free + 1
        end
        if next_free > last then
          return {'declined', 'insufficient_ports'}
        end
        port = next_free
        taken[port] = true
      end
      ports[#ports + 1] = port
    end
  else
    local port = first
    while #ports < count and port <= last do
      if not taken[port] then
        ports[#ports + 1] = port
      end
      port = port + 1
    end
  end
  if #ports < count then
    return {'declined', 'insufficient_ports'}
  end
  redis.call('SADD', KEYS[2], unpack(ports))
end

redis.call('HSET', KEYS[1], 'used.cpus', fmt(after[1]), 'used.mem', fmt(after[2]), 'used.disk', fmt(after[3]))
local claim = '{"cpus":' .. fmt(wanted[1]) .. ',"mem":' .. fmt(wanted[2]) .. ',"disk":' .. fmt(wanted[3])
    .. ',"ports":[' .. table.concat(ports, ',') .. ']}'
redis.call('HSET', KEYS[3], ARGV[1], claim)
return {'claimed', claim}
