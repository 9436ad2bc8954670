-- KEYS: user hash, revoked-session key, the user's command rate-limit counter[, the command id's fingerprint key]
-- ARGV: the token's session generation, the limit's window in seconds[, the limit (uses per window), the command's
--       fingerprint, the claim's lifetime in seconds]
-- [AU6][HI1] The gate of a socket command, in one round trip: the user's record and whether the session was revoked,
-- and, only for a session still good (user present and enabled, not revoked, same generation), one use counted
-- against the user's command limit, as rate-limiter-flexible counts it (a fixed window: SET NX EX, INCRBY, PTTL).
-- [CM1] With a fourth key, and only for a use within the limit, the command id is claimed in the same round trip:
-- bound to the fingerprint when it is its first use (SET NX EX), else the fingerprint it is bound to is read.
-- Returns {user fields, revoked (0/1), uses in the window (0: not counted), ms left in the window[, claim]}, where the
-- claim is 1 for a first use or the fingerprint already bound, and absent when none was made.
local user = redis.call('HGETALL', KEYS[1])
local revoked = redis.call('EXISTS', KEYS[2])
if #user == 0 or revoked == 1 then return {user, revoked, 0, 0} end
local disabled, generation = '0', 0
for i = 1, #user, 2 do
  if user[i] == 'isDisabled' then disabled = user[i + 1] elseif user[i] == 'sessionGeneration' then generation = tonumber(user[i + 1]) or 0 end
end
if disabled == '1' or generation ~= tonumber(ARGV[1]) then return {user, revoked, 0, 0} end
redis.call('SET', KEYS[3], 0, 'EX', ARGV[2], 'NX')
local uses = redis.call('INCRBY', KEYS[3], 1)
local ttl = redis.call('PTTL', KEYS[3])
if ttl == -1 then
  redis.call('EXPIRE', KEYS[3], ARGV[2])
  ttl = 1000 * tonumber(ARGV[2])
end
if KEYS[4] and uses <= tonumber(ARGV[3]) then
  if redis.call('SET', KEYS[4], ARGV[4], 'EX', ARGV[5], 'NX') then return {user, revoked, uses, ttl, 1} end
  return {user, revoked, uses, ttl, redis.call('GET', KEYS[4])}
end
return {user, revoked, uses, ttl}
