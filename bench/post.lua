-- A bare POST: no body and no User-Agent (wrk sends none). Aimed at the view beacon, it measures
-- Next's floor for a POST: the beacon answers a request without a User-Agent 204 at once, reading
-- and writing nothing (src/views/beacon.ts), so no form or API submission through Next is faster.
dofile('bench/report.lua')

wrk.method = 'POST'
