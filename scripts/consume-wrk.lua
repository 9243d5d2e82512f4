-- wrk script for scripts/benchmark-consume: POST /admin/user/consume/ of 0.01, each thread's
-- requests spread round robin over its share of the funded users (USERS: comma-separated ids).
local users = {}
for id in string.gmatch(os.getenv("USERS"), "[^,]+") do
    users[#users + 1] = id
end
local auth = "Basic " .. os.getenv("AUTH")
local threads = {}
local counter = 1

function setup(thread)
    thread:set("first", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

function init(args)
    -- thread k takes users k, k + threads, k + 2 * threads, ...
    mine = {}
    local stride = tonumber(os.getenv("THREADS"))
    for i = first, #users, stride do
        mine[#mine + 1] = users[i]
    end
    n = 0
    wrk.method = "POST"
    wrk.headers["Authorization"] = auth
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    n = n + 1
    local user = mine[(n % #mine) + 1]
    return wrk.format(nil, "/admin/user/consume/",
        nil, '{"user_id":"' .. user .. '","amount":"0.01","description":"wrk"}')
end
