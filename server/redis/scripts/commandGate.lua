-- KEYS: user hash, revoked-session key, the user's command rate-limit counter
-- ARGV: the token's session generation, the limit's window in seconds
-- [AU6][HI1] The gate of a socket command, in one round trip: the user's record and whether the session was revoked,
-- and, only for a session still good (user present and enabled, not revoked, same generation), one use counted
-- against the user's command limit, as rate-limiter-flexible counts it (a fixed window: SET NX EX, INCRBY, PTTL).
-- Returns {user fields, revoked (0/1), uses in the window (0: not counted), ms left in the window}.
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
return {user, revoked, uses, ttl}
