-- KEYS: cmd, callerCalls, hoaxNumbers, journal, version
-- ARGV: command, at, actor, callRecord, number, isHoax, hasNumber
-- [CH2] A call that ended without an incident joins its number's history (and the hoax registry) and the journal.
local prev = stored_answer(KEYS[1], ARGV[1])
if prev then return prev end
remember_call(KEYS[2], ARGV[2], ARGV[4], ARGV[7])
if ARGV[6] == '1' and ARGV[7] == '1' then redis.call('SADD', KEYS[3], ARGV[5]) end
return commit(KEYS[1], ARGV[1], KEYS[4], KEYS[5], 'call:disposed', ARGV[2], ARGV[3], '[]', '[]', 'null', '[' .. ARGV[4] .. ']')
