-- The hostile GraphQL request from issue #9: one anonymous POST /api/graphql asking, under 200
-- aliases, for 100 articles each with their whole content. Whatever the server answers (data,
-- 400, 403, 429) is counted by status; bench/run.ts runs this beside a reader's measurement.
dofile('bench/report.lua')

local parts = {}
for i = 1, 200 do parts[#parts + 1] = string.format('a%d: Articles(limit: 100) { docs { title content } }', i) end
local query = '{ ' .. table.concat(parts, ' ') .. ' }'

wrk.method = 'POST'
wrk.headers['Content-Type'] = 'application/json'
wrk.body = '{"query":"' .. query .. '"}'
