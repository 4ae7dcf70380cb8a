-- A crawler walking paper pages from a file of addresses (CRAWL_PAPERS), from one address (203.0.113.9) or, with
-- CRAWL_MANY=1, from a new address each request; CRAWL_FROM=k starts k addresses into the file.
local paths, i = {}, tonumber(os.getenv("CRAWL_FROM") or "0")
local many = os.getenv("CRAWL_MANY") == "1"
for line in io.lines(os.getenv("CRAWL_PAPERS")) do table.insert(paths, line) end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  i = i + 1
  local from = many and string.format("172.16.%d.%d", math.floor(i / 250) % 250, i % 250 + 1) or "203.0.113.9"
  return wrk.format("GET", paths[(i - 1) % #paths + 1], { ["X-Forwarded-For"] = from })
end
function done(summary, latency, requests)
  io.write(string.format("crawler: %d requests in %.1f s\n", summary.requests, summary.duration / 1e6))
end
