"""p95 of the evaluation's pages and endpoints over 5 years of history, signed in as the association."""
import http.cookiejar, re, sys, time, urllib.parse, urllib.request

base, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.open(base + "/login").read()
csrf = next(c.value for c in jar if c.name == "tmnorm_csrf")
body = urllib.parse.urlencode({"email": "admin@nordma.demo", "password": "demo-admin-2026", "_csrf": csrf}).encode()
opener.open(base + "/login", body).read()

def p95(label, url, headers=None):
    times = []
    for _ in range(n):
        request = urllib.request.Request(base + url, headers=headers or {})
        t = time.perf_counter()
        with opener.open(request) as response:
            response.read()
            assert response.status == 200, (url, response.status)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    value = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:48s} p95 {value:7.1f} ms  median {times[len(times)//2]:7.1f} ms  {'ok' if value <= 200 else 'OVER 200 ms'}")

five = "from=2021-12-01&to=2026-11-30"
p95("dashboard /evaluering (year)", f"/evaluering?granularity=year&{five}")
p95("dashboard /evaluering (month)", f"/evaluering?granularity=month&{five}")
p95("scorecards", f"/evaluering/scorecards?{five}")
p95("report", f"/evaluering/rapport?{five}")
p95("chart decisions.svg (month)", f"/evaluering/charts/decisions.svg?granularity=month&{five}")
p95("API series acceptance_rate (month)", f"/api/v1/evaluation/series?indicator=acceptance_rate&granularity=month&{five}",
    {"Authorization": "Bearer " + key})
