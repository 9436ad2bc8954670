-- KEYS: version, unitIds
-- ARGV: unitKeyPrefix
-- [OPS12] The version and every unit at one instant: what a board snapshot reads fresh each time. The open
-- incidents come from the instance's copy, caught up to this version from the journal (server/journal/boardCache.ts).
local version = redis.call('GET', KEYS[1]) or '0'
local units = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  units[#units + 1] = unit_json(ARGV[1] .. id)
end
return { version, '[' .. table.concat(units, ',') .. ']' }
