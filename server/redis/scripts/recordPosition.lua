-- KEYS: unit, unitPositions, availableOfKind
-- ARGV: lng, lat, fixAt, unitId
-- [UP1] Latest fix wins; an older fix is ignored, so a resent fix changes nothing. Returns 1 stored, 0 ignored, -1 no unit.
local state = redis.call('HMGET', KEYS[1], 'status', 'fixAt')
if not state[1] then return -1 end
if tonumber(state[2]) > tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], 'lng', ARGV[1], 'lat', ARGV[2], 'fixAt', ARGV[3])
redis.call('GEOADD', KEYS[2], ARGV[1], ARGV[2], ARGV[4])
if state[1] == 'available' then redis.call('GEOADD', KEYS[3], ARGV[1], ARGV[2], ARGV[4]) end
return 1
