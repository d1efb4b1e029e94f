#!/usr/bin/env python3
"""The UI walk: every page of every role, in bokmål and English, at 1280 and 390 pixels, in headless Chromium.

Starts `tmnorm demo` (SQLite in a temporary directory, SMS to a small sink on loopback so the consumer's offer
page can be reached from a real offer SMS), logs in as each demo user and follows every link on the site that
the role can see (GET only, breadth first, at most a few pages per route pattern). On each HTML page it checks:
  - the HTTP status is below 400 (fetched with the browser's own session cookie);
  - no horizontal scroll at 390 px (the document is no wider than the window);
  - no raw identifier in the visible text: no UUID (outside a link's URL), no snake_case code, none of the internal prefixes
    (`demo-approval-`, `reg-2026-`, `0@empty`, `user:`, `mfl-2009-`);
  - axe-core (axe-selenium-python) reports no serious or critical violation (at 1280 px).
Public pages (landing, log-in, register, stop-calls, complaint form, the consumer's offer) are walked without
a session. Prints one line per page and problem, a summary, and exits 1 on any problem.

Needs Debian's chromium and chromium-driver and `pip install selenium axe-selenium-python`.
Usage: tools/ui_walk.py [TMNORM_BINARY] [OUT_DIR]
Environment: UI_WALK_SCREENSHOTS=1 saves a screenshot of every page and width in OUT_DIR;
             UI_WALK_AXE=all|nb|none (default all) picks the languages axe runs in;
             UI_WALK_PER_PATTERN (default 2) caps pages per route pattern (ids replaced by {id})."""
import http.server, json, os, re, socket, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request
from collections import deque
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/tmnorm")
out = sys.argv[2] if len(sys.argv) > 2 else "bench/out/ui-walk"
os.makedirs(out, exist_ok=True)
SCREENSHOTS = os.environ.get("UI_WALK_SCREENSHOTS") == "1"
AXE_LANGS = {"all": ("nb", "en"), "nb": ("nb",), "none": ()}[os.environ.get("UI_WALK_AXE", "all")]
PER_PATTERN = int(os.environ.get("UI_WALK_PER_PATTERN", "2"))

UUID = re.compile(r"(?<![/=])\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
SNAKE = re.compile(r"(?<![\w@./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@-])")
PREFIXES = ["demo-approval-", "reg-2026-", "0@empty", "user:", "mfl-2009-"]
# Where a link leads to something that is not a page to look at, or changes state on GET-free forms.
SKIP = re.compile(r"^/(logout|static/|api/|metrics|healthz)|\.(csv|svg|pdf|ics|json)$|/(callable|rejected|withdrawal-form)$")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMSSink(http.server.BaseHTTPRequestHandler):
    """The SMS gateway: keeps every message the outbox sends."""
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8", "replace")
        SMSSink.received.append(body)
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(b'{"id":"sink"}')

    def log_message(self, *args):
        pass


def pattern(path):
    return re.sub(r"/[0-9a-fA-F-]{36}|/\d{9}(?=/|$)|/[A-Za-z0-9_-]{20,}", "/{id}", path)


def status_of(url, cookies):
    request = urllib.request.Request(url, headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies),
                                                  "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", "")


def main():
    sms_port, port = free_port(), free_port()
    sink = http.server.ThreadingHTTPServer(("127.0.0.1", sms_port), SMSSink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    workdir = tempfile.mkdtemp(prefix="tmnorm-ui-walk-")
    env = {**os.environ, "TMNORM_DATA_DIR": os.path.join(workdir, "data"),
           "TMNORM_SMS_URL": f"http://127.0.0.1:{sms_port}/sms", "TMNORM_SMS_TOKEN": "walk"}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([binary, "demo", "--port", str(port), "--database", os.path.join(workdir, "demo.sqlite")],
                              cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    problems, pages = [], 0
    try:
        logins, api_key = [], None
        deadline = time.time() + 120
        while time.time() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            m = re.match(r"\s+(\w+)\s+(\S+@\S+)\s+(\S+)", line)
            if m:
                logins.append(m.groups())
            k = re.match(r"\s+(tmn_\S+)\s*$", line)
            if k:
                api_key = k.group(1)
            if line.startswith("Press Ctrl-C"):
                break
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close(); break
            except OSError:
                time.sleep(0.2)
        offer_paths = consumer_offer(base, api_key)

        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=nb-NO"]:
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
        service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))

        walkers = [("public", None, None, ["/", "/login", "/register", "/stop-calls", "/klage", "/klage/avgjorelser", "/arrangementer"] + offer_paths)]
        walkers += [(role, email, password, ["/dashboard"]) for role, email, password in logins]
        for role, email, password, starts in walkers:
            driver = webdriver.Chrome(options=options, service=service)
            driver.set_page_load_timeout(60)
            try:
                if email:
                    driver.get(base + "/login")
                    driver.find_element(By.NAME, "email").send_keys(email)
                    driver.find_element(By.NAME, "password").send_keys(password)
                    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                    until = time.time() + 20
                    while time.time() < until and "/login" in driver.current_url:
                        time.sleep(0.1)
                    if "/login" in driver.current_url:
                        problems.append(f"{role}: log-in failed"); continue
                n, found = walk(driver, base, role, starts)
                pages += n
                problems.extend(found)
            finally:
                driver.quit()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        sink.shutdown()
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{pages} pages walked (each in 2 languages at 2 widths), {len(problems)} problems")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({"pages": pages, "problems": problems}, f, ensure_ascii=False, indent=1)
    sys.exit(1 if problems or pages == 0 else 0)


def consumer_offer(base, api_key):
    """A sale through the API with the demo's key; the offer link comes back by SMS to the sink."""
    if not api_key:
        return []
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json", "Accept": "application/json"}
    try:
        campaigns = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/v1/campaigns", headers=headers), timeout=30))
        items = campaigns.get("items", campaigns) if isinstance(campaigns, dict) else campaigns
        campaign = next((c for c in items if c.get("status", "active") == "active"), items[0] if items else None)
        if not campaign:
            return []
        body = {"campaign_id": campaign["id"], "consumer": {"name": "Kari Nordmann", "phone": "+47 412 34 567"},
                "product": "Strøm Fastpris 12", "price": {"amount": "399,00", "currency": "NOK", "period": "month"},
                "binding_months": 12, "terms": "Fastpris i 12 måneder.",
                "payment": "Faktura hver måned, 14 dagers betalingsfrist.",
                "delivery": "Leveransen starter når du har akseptert.",
                "termination": "Avtalen løper til den sies opp, med én måneds oppsigelse etter bindingstiden."}
        request = urllib.request.Request(base + "/api/v1/sales", data=json.dumps(body).encode(), method="POST",
                                         headers={**headers, "Idempotency-Key": "ui-walk"})
        urllib.request.urlopen(request, timeout=30)
    except Exception as error:  # the walk reports it as a problem below
        print("could not create a sale for the consumer's page:", error)
        return []
    until = time.time() + 20
    while time.time() < until:
        for message in SMSSink.received:
            m = re.search(r"https?://[^/\s\"]+(/t/[A-Za-z0-9_-]+)", message.replace("\\/", "/"))
            if m:
                return [m.group(1)]
        time.sleep(0.2)
    print("no offer SMS reached the sink")
    return []


def walk(driver, base, role, starts):
    problems, seen_urls, per_pattern, count = [], set(), {}, 0
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        if path in seen_urls:
            continue
        seen_urls.add(path)
        key = pattern(urllib.parse.urlsplit(path).path)
        if per_pattern.get(key, 0) >= PER_PATTERN:
            continue
        per_pattern[key] = per_pattern.get(key, 0) + 1
        status, content_type = status_of(base + path, driver.get_cookies())
        if status >= 400:
            problems.append(f"{role} {path}: HTTP {status}")
            continue
        if "text/html" not in content_type:
            continue
        count += 1
        for language in ("nb", "en"):
            url = base + path + ("&" if "?" in path else "?") + "lang=" + language
            driver.set_window_size(1280, 900)
            driver.get(url)
            text = driver.execute_script("return document.body ? document.body.innerText : ''")
            for match in set(UUID.findall(text)):
                problems.append(f"{role} {path} [{language}]: shows an id {match}")
            for match in set(SNAKE.findall(text)):
                problems.append(f"{role} {path} [{language}]: shows a code {match}")
            for prefix in PREFIXES:
                if prefix in text:
                    problems.append(f"{role} {path} [{language}]: shows an internal code {prefix}…")
            if language in AXE_LANGS:
                problems.extend(f"{role} {path} [{language}]: axe {v}" for v in axe(driver))
            name = f"{role}{re.sub(r'[^A-Za-z0-9]+', '-', path)}-{language}"
            if SCREENSHOTS:
                driver.save_screenshot(os.path.join(out, f"{name}-1280.png"))
            driver.set_window_size(390, 900)
            time.sleep(0.05)
            wide = driver.execute_script(
                "const d=document.documentElement; return [d.scrollWidth, d.clientWidth]")
            if wide[0] > wide[1] + 1:
                problems.append(f"{role} {path} [{language}]: scrolls sideways at 390 px ({wide[0]} > {wide[1]})")
            if SCREENSHOTS:
                driver.save_screenshot(os.path.join(out, f"{name}-390.png"))
            if language == "nb":
                links = driver.execute_script(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
                for href in links:
                    target = urllib.parse.urljoin(base + path, href)
                    parts = urllib.parse.urlsplit(target)
                    if f"{parts.scheme}://{parts.netloc}" != base:
                        continue
                    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith("lang="))
                    local = parts.path + ("?" + query if query else "")
                    if not SKIP.search(parts.path) and local not in seen_urls:
                        queue.append(local)
        print(f"{role:18} {path}")
    return count, problems


AXE_SOURCE = None


def axe(driver):
    """Serious and critical axe-core violations on the current page."""
    global AXE_SOURCE
    if AXE_SOURCE is None:
        import axe_selenium_python
        with open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")) as f:
            AXE_SOURCE = f.read()
    driver.execute_script(AXE_SOURCE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target'] if v['nodes'] else ''})"
            for v in result if v.get("impact") in ("serious", "critical")]


if __name__ == "__main__":
    main()
