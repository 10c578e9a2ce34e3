-- wrk script: GET /api/organizations/<random org>/users?page=1&page_size=20 with the bearer token
-- in $TOKEN, over organizations o00000000000 .. o<$ORGS - 1> as written by scripts/gen-scale-data.mjs.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local orgs = tonumber(os.getenv("ORGS"))
math.randomseed(os.time())

request = function()
  local id = string.format("o%011d", math.random(0, orgs - 1))
  return wrk.format("GET", "/api/organizations/" .. id .. "/users?page=1&page_size=20")
end
