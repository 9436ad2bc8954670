-- KEYS: cmd, referenceCounter(EC), openIncidents, openIncidentLocations, journal, version, ticket, openTickets, ticketLocations
-- ARGV: command, incidentPrefix, yymmdd, incidentDocTemplate, queueScore, lng, lat, at, actor, ticketRev, ticketDocTemplate, ticketIsOpen, ticketPublicRecord
-- [CC4] A ticket that is an emergency becomes an Emergency Connect incident in one step: the incident is issued its
-- reference and queued, and the ticket names it (its `__INCIDENT__` placeholder), or neither happens.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

local ticket = redis.call('HMGET', KEYS[7], 'doc', 'rev')
if not ticket[1] then return refuse(KEYS[1], ARGV[1], 'ticket_not_found', 'no such ticket') end
if ticket[2] ~= ARGV[10] then return RETRY end

local reference = next_reference(KEYS[2], 'EC', '', ARGV[3])
local doc = string.gsub(ARGV[4], '__REFERENCE__', reference, 2)
redis.call('HSET', ARGV[2] .. reference, 'doc', doc, 'rev', 1)
redis.call('ZADD', KEYS[3], ARGV[5], reference)
redis.call('GEOADD', KEYS[4], ARGV[6], ARGV[7], reference)

local ticket_doc = string.gsub(ARGV[11], '__INCIDENT__', reference)
redis.call('HSET', KEYS[7], 'doc', ticket_doc, 'rev', tonumber(ticket[2]) + 1, 'open311', ARGV[13])
if ARGV[12] ~= '1' then
  local id = string.match(KEYS[7], '([^:]+)$')
  redis.call('ZREM', KEYS[8], id)
  redis.call('ZREM', KEYS[9], id)
end
return commit(KEYS[1], ARGV[1], KEYS[5], KEYS[6], 'ticket:escalated', ARGV[8], ARGV[9], '[' .. doc .. ']', '[]',
  '{"ticket":' .. ticket[1] .. '}', '[]', '[' .. ticket_doc .. ']')
