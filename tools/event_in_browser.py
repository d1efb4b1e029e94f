#!/usr/bin/env python3
"""Registers for an event in headless Chromium (390 px wide, as on a phone).

  event_in_browser.py BASE_URL SLUG OUT_DIR
      opens /arrangementer/SLUG, fills in name, e-mail, organisation, ticks the dinner, types a dietary need,
      sends the form and prints {"url", "status", "text", "sideways"} as one JSON line.
Screenshots go to OUT_DIR. Needs Debian's chromium and chromium-driver and `pip install selenium`."""
import json, os, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, slug, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1400", "--lang=nb-NO"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
try:
    driver.get(base + "/arrangementer/" + slug)
    sideways = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    driver.find_element(By.NAME, "name").send_keys("Kari Nordmann")
    driver.find_element(By.NAME, "email").send_keys("kari.nettleser@example.no")
    driver.find_element(By.NAME, "organisation").send_keys("Alfa Callsenter AS")
    dinner = driver.find_elements(By.NAME, "dinner")
    if dinner:
        driver.execute_script("arguments[0].click()", dinner[0])
    driver.find_element(By.NAME, "diet").send_keys("vegetar")
    driver.save_screenshot(os.path.join(out, "event-form.png"))
    form = driver.find_element(By.CSS_SELECTOR, "form[action^='/arrangementer/']")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    deadline = time.time() + 15
    while time.time() < deadline and not driver.find_elements(By.ID, "registration-status"):
        time.sleep(0.1)
    driver.save_screenshot(os.path.join(out, "event-registered.png"))
    status = driver.find_element(By.ID, "registration-status").text if driver.find_elements(By.ID, "registration-status") else ""
    print(json.dumps({"url": driver.current_url, "status": status, "text": driver.find_element(By.TAG_NAME, "main").text,
                      "sideways": bool(sideways)}, ensure_ascii=False))
finally:
    driver.quit()
