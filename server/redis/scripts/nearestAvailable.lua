-- KEYS: the kind's available set (GEO)
-- ARGV: lng, lat, wanted, radius 1, radius 2, … (metres, ascending)
-- [DS1] The `wanted` nearest members, nearest first, with distance and position: the smallest radius of the list
-- holding that many, else all within the last. In one round trip: GEOSEARCH costs what lies inside its radius,
-- so the search starts small (a large fleet) and widens here, not by a round trip each (a small one).
local reply = {}
for i = 4, #ARGV do
  reply = redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', ARGV[1], ARGV[2], 'BYRADIUS', ARGV[i], 'm', 'ASC', 'COUNT', ARGV[3], 'WITHDIST', 'WITHCOORD')
  if #reply >= tonumber(ARGV[3]) then return reply end
end
return reply
