-- KEYS: lease
-- ARGV: holder token, ttl in ms
-- [OPS11] Extends a lease only for its holder: 1 renewed, 0 held by another or expired.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
