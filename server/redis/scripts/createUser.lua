-- KEYS: user, usernames, userIds
-- ARGV: userId, username, then the user's hash fields as name, value pairs
-- [AU5] A username is taken once: the name index and the record are written together.
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
local fields = {}
for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
return 1
