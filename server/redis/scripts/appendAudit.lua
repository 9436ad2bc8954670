-- KEYS: audit stream, then one index sorted set per searchable field (user, incident, units)
-- ARGV: at (epoch ms), then the entry's fields as name, value pairs
-- [AD1] Appends one audit entry, never trimmed, and files its id under each index, in one step.
-- The entry id carries the server's time; a clock that stepped back falls back to Redis's own.
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
local ok, id = pcall(redis.call, 'XADD', KEYS[1], ARGV[1] .. '-*', unpack(fields))
if not ok then id = redis.call('XADD', KEYS[1], '*', unpack(fields)) end
local score = tonumber(string.match(id, '^(%d+)-'))
for i = 2, #KEYS do redis.call('ZADD', KEYS[i], score, id) end
return id
