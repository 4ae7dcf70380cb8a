-- Visitors reading listing page 1 in a browser: each request from one of 5,000 addresses (X-Forwarded-For, believed
-- from loopback), so no visitor meets the per-address rate limit, with the headers a browser sends for a link
-- followed (Sec-Fetch-Mode: navigate); counts the answers served from the page cache (Age).
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) cached, answered, n = 0, 0, 0 end
function request()
  n = n + 1
  return wrk.format("GET", wrk.path, {
    ["X-Forwarded-For"] = string.format("10.1.%d.%d", math.floor(n / 250) % 20, n % 250 + 1),
    ["Sec-Fetch-Mode"] = "navigate", ["Sec-Fetch-Site"] = "none", ["Sec-Fetch-Dest"] = "document",
  })
end
function response(status, headers, body)
  answered = answered + 1
  if headers["Age"] ~= nil then cached = cached + 1 end
end
function done(summary, latency, requests)
  local c, a = 0, 0
  for _, t in ipairs(threads) do c = c + t:get("cached"); a = a + t:get("answered") end
  io.write(string.format("cached %d of %d\n", c, a))
end
