-- KEYS: version, unit, openIncidents
-- ARGV: incidentKeyPrefix
-- [RT1][OPS12] A crew's snapshot: the version, its unit and the open incident the unit is on, at one instant. It
-- reads what the crew sees, not the whole board.
local version = redis.call('GET', KEYS[1]) or '0'
if redis.call('EXISTS', KEYS[2]) == 0 then return { version, '[]', '[]' } end
local unit = unit_json(KEYS[2])
local incident_id = redis.call('HGET', KEYS[2], 'incidentId')
local incidents = '[]'
if incident_id and incident_id ~= '' and redis.call('ZSCORE', KEYS[3], incident_id) then
  local doc = redis.call('HGET', ARGV[1] .. incident_id, 'doc')
  if doc then incidents = '[' .. doc .. ']' end
end
return { version, '[' .. unit .. ']', incidents }
