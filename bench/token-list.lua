-- wrk script: POST /oidc/token, each request with a random line of the file $LIST
-- ("<form body>\t<Authorization header>"), e.g. M2M apps or refresh tokens across organizations.
local entries = {}
for line in io.lines(os.getenv("LIST")) do
  local body, auth = line:match("^([^\t]+)\t(.+)$")
  if body then
    entries[#entries + 1] = {
      body = body,
      headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = auth },
    }
  end
end
assert(#entries > 0, "empty LIST")
math.randomseed(os.time())

request = function()
  local e = entries[math.random(#entries)]
  return wrk.format("POST", "/oidc/token", e.headers, e.body)
end
