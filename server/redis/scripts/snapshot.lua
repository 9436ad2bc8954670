-- KEYS: version, unitIds, openIncidents
-- ARGV: unitKeyPrefix, incidentKeyPrefix
-- [RT1] Reads the version, every unit and every open incident at one instant.
local version = redis.call('GET', KEYS[1]) or '0'
local units = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  units[#units + 1] = unit_json(ARGV[1] .. id)
end
local incidents = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  incidents[#incidents + 1] = redis.call('HGET', ARGV[2] .. id, 'doc')
end
return { version, '[' .. table.concat(units, ',') .. ']', '[' .. table.concat(incidents, ',') .. ']' }
