-- A comment flood from one client: POST /api/comments as fast as the connections allow, each a
-- new name, email and text with a link. It sends no X-Forwarded-For: wrk runs on this machine,
-- which the server trusts as a proxy by default, and a client that is not a trusted proxy is seen
-- at its socket address whatever it claims (src/server/clientAddress.ts). Flood control then sees
-- one sender. bench/run.ts runs this beside a reader's measurement; every answer is counted.
-- Argument: the id of the article to flood.
dofile('bench/report.lua')

local article, n = 'none', 0

init = function(args)
  article = args[1] or 'none'
end

request = function()
  n = n + 1
  local body = string.format(
    '{"article":"%s","authorName":"Flood %d","authorEmail":"flood-%d@bench.example","body":"Flood comment %d, see https://spam.example/%d"}',
    article, n, n, n, n)
  return wrk.format('POST', nil, { ['Content-Type'] = 'application/json' }, body)
end
