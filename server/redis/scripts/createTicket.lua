-- KEYS: cmd, referenceCounter, openTickets(department), ticketLocations(service), ticketsCreated, journal, version,
--       ticketsCreatedByService(service)
-- ARGV: command, ticketPrefix, yymmdd, docTemplate, expectedBy, lng, lat, at, actor, publicTemplate
-- [CC2] Issues the next Care Connect reference of the day, stores the ticket in its department's open queue (and
-- its service's open locations, for duplicates) and journals it, in one step.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end

-- Luhn over "7" (Care Connect's line) + date + sequence: the rule of shared/tickets/ticketReference.ts.
local reference = next_reference(KEYS[2], 'CC', '7', ARGV[3])
-- The template's first two placeholders are `id` and `reference`, written before any caller text.
local doc = string.gsub(ARGV[4], '__REFERENCE__', reference, 2)

-- [CC10] The ticket as Open311 publishes it, kept beside the document so that a listing reads no full document.
local public = string.gsub(ARGV[10], '__REFERENCE__', reference, 1)
redis.call('HSET', ARGV[2] .. reference, 'doc', doc, 'rev', 1, 'open311', public)
redis.call('ZADD', KEYS[3], ARGV[5], reference)
if ARGV[6] ~= '' then redis.call('GEOADD', KEYS[4], ARGV[6], ARGV[7], reference) end
redis.call('ZADD', KEYS[5], ARGV[8], reference)
-- [CC10] Open311's service_code filter reads one service's tickets by creation time, never every ticket.
redis.call('ZADD', KEYS[8], ARGV[8], reference)
return commit(KEYS[1], ARGV[1], KEYS[6], KEYS[7], 'ticket:created', ARGV[8], ARGV[9], '[]', '[]', 'null', '[]', '[' .. doc .. ']')
