-- wrk script: POST /oidc/token with the form in $BODY and the Authorization header in $AUTH.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("AUTH")

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
