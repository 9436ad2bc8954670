-- KEYS: unitPositions, then for each fix its unit and its kind's available set
-- ARGV: for each fix lng, lat, fixAt, unitId
-- [UP1][UP3] Position fixes, in order: a crew device's one, or a gateway's batch. The latest fix of a unit wins; an
-- older one is ignored, so a resent fix or batch changes nothing. Returns one code per fix: 1 stored, 0 ignored, -1 no unit.
local codes = {}
for i = 0, (#ARGV / 4) - 1 do
  local unit, available = KEYS[2 + i * 2], KEYS[3 + i * 2]
  local lng, lat, fixAt, unitId = ARGV[1 + i * 4], ARGV[2 + i * 4], ARGV[3 + i * 4], ARGV[4 + i * 4]
  local state = redis.call('HMGET', unit, 'status', 'fixAt')
  if not state[1] then
    codes[i + 1] = -1
  elseif tonumber(state[2]) > tonumber(fixAt) then
    codes[i + 1] = 0
  else
    redis.call('HSET', unit, 'lng', lng, 'lat', lat, 'fixAt', fixAt)
    redis.call('GEOADD', KEYS[1], lng, lat, unitId)
    if state[1] == 'available' then redis.call('GEOADD', available, lng, lat, unitId) end
    codes[i + 1] = 1
  end
end
return codes
