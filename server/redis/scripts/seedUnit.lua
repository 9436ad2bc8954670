-- KEYS: unit, unitIds, unitPositions, availableOfKind
-- ARGV: unitId, lng, lat, field1, value1, ...
-- Adds a fleet unit once; a unit already in the store keeps its live state. Returns 1 added, 0 kept.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('GEOADD', KEYS[3], ARGV[2], ARGV[3], ARGV[1])
redis.call('GEOADD', KEYS[4], ARGV[2], ARGV[3], ARGV[1])
return 1
