-- Shared by the command scripts: idempotent answers, the journal, unit records as JSON.
-- A stored answer is `<command>\n<answer json>`; it lives a day, long enough for any client resend.

-- [OPS10] The command's deadline, in ms of Redis's own clock, is the last argument (LuaScript appends it and it is
-- taken off here, so each script reads its own arguments as written). A command that reaches Redis after it is
-- refused `unavailable`, writing nothing and remembering nothing: the server may already have told its caller that
-- it was not applied, and a resend with the same command id may still apply it once.
local DEADLINE = tonumber(table.remove(ARGV))
local UNAVAILABLE = cjson.encode({ ok = false, error = { code = 'unavailable', message = 'the live store did not take the command in time; nothing was applied; send it again' } })

local function is_past_deadline()
  local now = redis.call('TIME')
  return tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) > DEADLINE
end

-- The answer that tells the caller the state moved since it read: read again and retry.
local RETRY = '{"retry":true}'

local function unit_json(key)
  local flat = redis.call('HGETALL', key)
  local record = {}
  for i = 1, #flat, 2 do record[flat[i]] = flat[i + 1] end
  return cjson.encode(record)
end

local function stored_answer(cmd_key, command)
  local prev = redis.call('GET', cmd_key)
  if not prev then
    if is_past_deadline() then return UNAVAILABLE end
    return nil
  end
  local head = command .. '\n'
  if string.sub(prev, 1, #head) ~= head then
    return cjson.encode({ ok = false, error = { code = 'command_id_reused', message = 'this commandId was already used for another command' } })
  end
  return string.sub(prev, #head + 1)
end

local function remember(cmd_key, command, answer)
  redis.call('SET', cmd_key, command .. '\n' .. answer, 'EX', 86400)
  return answer
end

local function refuse(cmd_key, command, code, message, unit_id)
  local err = { code = code, message = message }
  if unit_id then err.unitId = unit_id end
  return remember(cmd_key, command, cjson.encode({ ok = false, error = err }))
end

-- Appends one change to the journal under the next version; the entry id is the version. Nothing is trimmed
-- here: the archiver trims below what the archive has confirmed (trimArchived.lua). [AR3]
-- `tickets_json` lists Care Connect tickets the change wrote. [CC2]
local function journal(journal_key, version_key, fact, at, actor, incidents_json, units_json, before_json, calls_json, tickets_json)
  local version = redis.call('INCR', version_key)
  redis.call('XADD', journal_key, version .. '-0',
    'fact', fact, 'at', at, 'actor', actor, 'incidents', incidents_json, 'units', units_json, 'calls', calls_json,
    'before', before_json, 'tickets', tickets_json or '[]')
  return version
end

-- Journals a change and stores the answer under the command id. `calls_json` lists call records it added.
local function commit(cmd_key, command, journal_key, version_key, fact, at, actor, incidents_json, units_json, before_json, calls_json, tickets_json)
  calls_json = calls_json or '[]'
  tickets_json = tickets_json or '[]'
  local version = journal(journal_key, version_key, fact, at, actor, incidents_json, units_json, before_json, calls_json, tickets_json)
  return remember(cmd_key, command, '{"ok":true,"version":' .. version .. ',"fact":"' .. fact .. '","at":' .. at ..
    ',"actor":' .. actor .. ',"incidents":' .. incidents_json .. ',"units":' .. units_json .. ',"calls":' .. calls_json ..
    ',"tickets":' .. tickets_json .. '}')
end

-- Adds a call to a number's history (newest scores highest). [IC9] A call with no number ('0') joins none.
local function remember_call(calls_key, at, record_json, has_number)
  if has_number == '0' then return end
  redis.call('ZADD', calls_key, at, record_json)
end


-- Issues the next reference of the day: `<prefix>-<yymmdd>-<NNNN>-<check>`, the check a Luhn digit over
-- `check_lead` .. date .. sequence (shared/incidents/referenceNumber.ts, shared/tickets/ticketReference.ts).
local function next_reference(counter_key, prefix, check_lead, yymmdd)
  local seq = redis.call('INCR', counter_key)
  redis.call('EXPIRE', counter_key, 259200)
  local seq_text = string.format('%04d', seq)
  local digits = check_lead .. yymmdd .. seq_text
  local sum = 0
  for i = 1, #digits do
    local d = tonumber(string.sub(digits, i, i))
    if (#digits - i) % 2 == 0 then
      d = d * 2
      if d > 9 then d = d - 9 end
    end
    sum = sum + d
  end
  return prefix .. '-' .. yymmdd .. '-' .. seq_text .. '-' .. ((10 - sum % 10) % 10)
end

-- Reads an incident for an optimistic commit: its {doc, rev} if it exists at `expected_rev`,
-- otherwise nil and the answer to return at once (not found, or RETRY when it has moved on).
local function incident_at_rev(cmd_key, command, incident_key, expected_rev)
  local incident = redis.call('HMGET', incident_key, 'doc', 'rev')
  if not incident[1] then return nil, refuse(cmd_key, command, 'incident_not_found', 'no such incident') end
  if incident[2] ~= expected_rev then return nil, RETRY end
  return incident, nil
end
