-- wrk script: as wrk-post.lua, and counts answers by status, by rulesVersion and risk level, so that a
-- run across reloads shows which versions answered and that each version always gave the same answer.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. os.getenv("WRK_AUTH")
local file = io.open(os.getenv("WRK_BODY"), "rb")
wrk.body = file:read("*a")
file:close()

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  answers = {}
end

function response(status, headers, body)
  local key
  if status == 200 then
    key = (body:match('"rulesVersion":"([^"]+)"') or "?") .. " level " .. (body:match('"riskLevel":{"level":(%d)') or "?")
  else
    key = "status " .. status
  end
  answers[key] = (answers[key] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("answers")) do
      all[key] = (all[key] or 0) + count
    end
  end
  for key, count in pairs(all) do
    io.write(string.format("answers: %s: %d\n", key, count))
  end
end
