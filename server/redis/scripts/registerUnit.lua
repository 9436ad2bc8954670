-- KEYS: cmd, unit, unitIds, unitPositions, availableOfKind, journal, version
-- ARGV: command, unitId, lng, lat, at, actor, field1, value1, ...
-- [FL1] A fleet manager adds a vehicle: it enters the fleet available at its base, and the change is journaled
-- so every console shows it. A unit id already in the fleet is refused and changes nothing.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return refuse(KEYS[1], ARGV[1], 'unit_exists', 'the fleet already has a unit ' .. ARGV[2], ARGV[2])
end
local fields = {}
for i = 7, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[2], unpack(fields))
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('GEOADD', KEYS[4], ARGV[3], ARGV[4], ARGV[2])
redis.call('GEOADD', KEYS[5], ARGV[3], ARGV[4], ARGV[2])
return commit(KEYS[1], ARGV[1], KEYS[6], KEYS[7], 'unit:registered', ARGV[5], ARGV[6], '[]', '[' .. unit_json(KEYS[2]) .. ']', '{}')
