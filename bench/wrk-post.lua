-- wrk script: POST the file named by WRK_BODY (a JSON patient) with Basic credentials from WRK_AUTH.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. os.getenv("WRK_AUTH")
local file = io.open(os.getenv("WRK_BODY"), "rb")
wrk.body = file:read("*a")
file:close()
