#!/usr/bin/env python3
"""Browser check: start `tmnorm demo`, log in as every demo user in headless Chromium, and save
screenshots of the log-in page and each role's dashboard. Needs Debian's chromium and chromium-driver
and `pip install selenium`. Usage: tools/browser_check.py [TMNORM_BINARY] [OUT_DIR]"""
import os, re, socket, subprocess, sys, tempfile, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/tmnorm"
PAGES = {
    "association_admin": ["/authorization", "/guidelines", "/norms", "/outbox"],
    "board_member": ["/authorization", "/sales"],
    "call_centre_admin": ["/authorization", "/campaigns", "/sales", "/decisions"],
    "agent": ["/campaigns", "/sales"],
    "client_user": ["/sales", "/block-list"],
}
out = sys.argv[2] if len(sys.argv) > 2 else "bench/out/screens"
os.makedirs(out, exist_ok=True)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
workdir = tempfile.mkdtemp(prefix="tmnorm-browser-")
server = subprocess.Popen([binary, "demo", "--port", str(port), "--database", os.path.join(workdir, "demo.sqlite")],
                          cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env={**os.environ, "TMNORM_DATA_DIR": os.path.join(workdir, "data")})
banner, logins = [], []
try:
    deadline = time.time() + 60
    while time.time() < deadline:
        line = server.stdout.readline()
        banner.append(line)
        m = re.match(r"\s+(\w+)\s+(\S+@\S+)\s+(\S+)", line)
        if m: logins.append(m.groups())
        if line.startswith("Press Ctrl-C"): break
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close(); break
        except OSError: time.sleep(0.2)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=nb-NO"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
    failures = 0
    for role, email, password in logins:
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get(base + "/login")
            if role == logins[0][0]: driver.save_screenshot(os.path.join(out, "login.png"))
            driver.find_element(By.NAME, "email").send_keys(email)
            driver.find_element(By.NAME, "password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]").click()
            time.sleep(0.5)
            ok = driver.current_url.endswith("/dashboard") and "Oversikt" in driver.page_source
            driver.save_screenshot(os.path.join(out, f"dashboard-{role}.png"))
            print(f"{role:20} {email:24} {'ok' if ok else 'FAILED'}  {driver.current_url}")
            failures += 0 if ok else 1
            # Each role's main pages open without an error page; screenshots for a person to look at.
            for page in PAGES.get(role, []):
                driver.get(base + page)
                title = driver.find_element(By.TAG_NAME, "h1").text if driver.find_elements(By.TAG_NAME, "h1") else ""
                bad = not title or any(word in driver.title for word in ["Feil", "Ingen tilgang", "finnes ikke"])
                driver.save_screenshot(os.path.join(out, f"{role}{page.replace('/', '-')}.png"))
                print(f"{'':20} {page:24} {'FAILED' if bad else 'ok'}  {title}")
                failures += 1 if bad else 0
        finally:
            driver.quit()
    print(f"{len(logins) - failures} passed, {failures} failed")
    sys.exit(1 if failures or not logins else 0)
finally:
    server.terminate(); server.wait(timeout=10)
