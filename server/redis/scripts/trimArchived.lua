-- KEYS: journal stream, state version counter
-- ARGV: archive consumer group, entries always kept for reconnecting consoles, '1' to trim ('0' only reads)
-- [AR3] Trims the journal only below what the archive has confirmed: the oldest entry still pending in the
-- group, or past the last one delivered when none is pending. Never by count alone: an archive that is down
-- leaves the journal growing until it is back. Returns { confirmed version, entries trimmed }.
local group = ARGV[1]
local keep = tonumber(ARGV[2])
if redis.call('EXISTS', KEYS[1]) == 0 then return { 0, 0 } end
local confirmed = nil
for _, info in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local fields = {}
  for i = 1, #info, 2 do fields[info[i]] = info[i + 1] end
  if fields['name'] == group then
    local delivered = tonumber(string.match(fields['last-delivered-id'], '^(%d+)-'))
    if tonumber(fields['pending']) > 0 then
      local summary = redis.call('XPENDING', KEYS[1], group)
      confirmed = tonumber(string.match(summary[2], '^(%d+)-')) - 1
    else
      confirmed = delivered
    end
  end
end
if confirmed == nil then return { 0, 0 } end
local head = tonumber(redis.call('GET', KEYS[2]) or '0')
local below = math.min(confirmed + 1, head - keep + 1)
if below <= 1 or ARGV[3] ~= '1' then return { confirmed, 0 } end
local trimmed = redis.call('XTRIM', KEYS[1], 'MINID', below .. '-0')
return { confirmed, trimmed }
