-- wrk script: GET with Basic credentials from WRK_AUTH.
wrk.headers["Authorization"] = "Basic " .. os.getenv("WRK_AUTH")
