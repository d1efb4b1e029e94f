#!/usr/bin/env python3
"""A consumer accepts an offer in headless Chromium: open the link from the SMS, read the offer, press
"Jeg aksepterer tilbudet", and land on the receipt. Prints one JSON line with what the browser saw and
saves screenshots of the offer and the receipt. Needs Debian's chromium and chromium-driver and
`pip install selenium`. Usage: tools/accept_in_browser.py URL OUT_DIR"""
import json, os, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

url, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,1400", "--lang=nb-NO"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
seen = {}
try:
    driver.get(url)
    seen["offer_title"] = driver.title
    seen["offer_text"] = driver.find_element(By.TAG_NAME, "main").text
    seen["user_agent"] = driver.execute_script("return navigator.userAgent")
    driver.save_screenshot(os.path.join(out, "offer.png"))
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "form button[type=submit]") if b.text.strip() == "Jeg aksepterer tilbudet"]
    seen["accept_buttons"] = len(buttons)
    if buttons:
        buttons[0].click()
        deadline = time.time() + 10
        while time.time() < deadline and "Kvittering" not in driver.page_source:
            time.sleep(0.1)
    seen["receipt_url"] = driver.current_url
    seen["receipt_text"] = driver.find_element(By.TAG_NAME, "main").text
    driver.save_screenshot(os.path.join(out, "receipt.png"))
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
