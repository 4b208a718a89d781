-- Readers commenting: each request POSTs a new comment as JSON to the script's URL
-- (/api/comments), as a reader no request spoke for before: its own address in X-Forwarded-For
-- (wrk runs on this machine, a trusted proxy by default, so that is the address flood control
-- sees), email and text.
-- Duplicate and flood checks therefore all run and pass, as for real readers; a 409 or 429
-- means the bench, not the app, is wrong. Counts 201s as accepted, every status by code.
-- Arguments: the run's tag (a small number), then the article ids to spread comments over.
dofile('bench/report.lua')

local threads = {}
local tag, articles, n = 0, {}, 0

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  tag = tonumber(args[1]) or 0
  for id in string.gmatch(args[2] or '', '[^,]+') do articles[#articles + 1] = id end
  accepted, statuses = 0, {}
end

request = function()
  n = n + 1
  local body = string.format(
    '{"article":"%s","authorName":"Bench reader %d","authorEmail":"reader-%d-%d@bench.example","body":"Comment %d of bench run %d. Thanks for the article, I learned something new today."}',
    articles[(n % #articles) + 1], n, tag, n, n, tag)
  -- 2001:db8::/32 is the documentation range: addresses that belong to nobody. Flood control
  -- counts an IPv6 /64 as one sender, so each reader gets a /64 of its own: the run's tag and the
  -- request's number fill the two groups between the /32 and the /64 (65,536 readers a run).
  local address = string.format('2001:db8:%x:%x::1', tag % 65536, n % 65536)
  return wrk.format('POST', nil, { ['Content-Type'] = 'application/json', ['X-Forwarded-For'] = address }, body)
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then accepted = accepted + 1 end
end

done = function(summary, latency, requests)
  local total, byStatus = 0, {}
  for _, thread in ipairs(threads) do
    total = total + thread:get('accepted')
    for status, count in pairs(thread:get('statuses')) do byStatus[status] = (byStatus[status] or 0) + count end
  end
  report(summary, latency, { accepted = total, statuses = byStatus })
end
