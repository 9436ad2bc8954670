-- KEYS: cmd, ticket, openTickets(department), ticketLocations(service), journal, version
-- ARGV: command, expectedRev, newDoc, at, actor, fact, isOpen ('1'/'0'), expectedBy, lng, lat, publicRecord
-- [CC2] Replaces a ticket the server changed from the revision it read, keeps its department's open queue and
-- its service's open locations in step (a closed ticket leaves both), and journals it.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local ticket = redis.call('HMGET', KEYS[2], 'doc', 'rev')
if not ticket[1] then return refuse(KEYS[1], ARGV[1], 'ticket_not_found', 'no such ticket') end
if ticket[2] ~= ARGV[2] then return RETRY end

redis.call('HSET', KEYS[2], 'doc', ARGV[3], 'rev', tonumber(ticket[2]) + 1, 'open311', ARGV[11])
local id = string.match(KEYS[2], '([^:]+)$')
if ARGV[7] == '1' then
  redis.call('ZADD', KEYS[3], ARGV[8], id)
  if ARGV[9] ~= '' then redis.call('GEOADD', KEYS[4], ARGV[9], ARGV[10], id) end
else
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZREM', KEYS[4], id)
end
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], ARGV[6], ARGV[4], ARGV[5], '[]', '[]', '{"ticket":' .. ticket[1] .. '}', '[]', '[' .. ARGV[3] .. ']')
