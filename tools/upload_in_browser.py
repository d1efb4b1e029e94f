#!/usr/bin/env python3
"""A call-centre user washes a call list in headless Chromium: log in, open /washes, choose the file, press
"Vask listen", and wait for the result page. Prints one JSON line with what the browser saw (title, URL,
main text) and saves a screenshot. Real browser uploads arrive in many chunks, which is what this checks.
Needs Debian's chromium and chromium-driver and `pip install selenium`.
Usage: tools/upload_in_browser.py BASE_URL EMAIL PASSWORD FILE OUT_DIR"""
import json, os, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, email, password, path, out = sys.argv[1:6]
os.makedirs(out, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400", "--lang=nb-NO"]:
    options.add_argument(flag)
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
driver.set_page_load_timeout(300)
seen = {}
try:
    driver.get(base + "/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    deadline = time.time() + 20
    while time.time() < deadline and "/login" in driver.current_url:
        time.sleep(0.1)
    driver.get(base + "/washes")
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/washes']")
    form.find_element(By.NAME, "file").send_keys(os.path.abspath(path))
    started = time.time()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    deadline = time.time() + 300
    while time.time() < deadline:
        time.sleep(0.2)
        if driver.current_url.rstrip("/") != base + "/washes" or "Skjemaet" in driver.page_source:
            if driver.execute_script("return document.readyState") == "complete":
                break
    seen["seconds"] = round(time.time() - started, 2)
    seen["url"] = driver.current_url
    seen["title"] = driver.title
    seen["text"] = driver.find_element(By.TAG_NAME, "main").text
    driver.save_screenshot(os.path.join(out, "wash.png"))
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
