#!/usr/bin/env python3
"""A consumer accepts an offer in headless Chromium on a phone: open the link from the SMS, read the offer,
press "Jeg aksepterer tilbudet", read "Du binder deg nå til …" on the confirm step, press "Ja, jeg aksepterer
og binder meg", and land on the receipt. Each page is looked at 390 and 320 CSS pixels wide (a phone; the
narrowest one in use): whether it scrolls sideways is recorded, and a screenshot saved for each width. Prints
one JSON line with what the browser saw. Needs Debian's chromium and chromium-driver and `pip install
selenium` (and, when installed, `axe-selenium-python`: its serious and critical findings per page are
recorded under "axe"). Usage: tools/accept_in_browser.py URL OUT_DIR"""
import json, os, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

try:
    from axe_selenium_python import Axe
except ImportError:
    Axe = None

WIDTHS = [390, 320]
url, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1024,1400", "--lang=nb-NO", "--hide-scrollbars"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
seen = {"overflow": {}}


def width(pixels):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": pixels, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def look(name):
    """Screenshots of the whole page at each width; records any sideways scrolling and axe's findings."""
    if Axe is not None:
        axe = Axe(driver)
        axe.inject()
        found = axe.run()["violations"]
        seen.setdefault("axe", {})[name] = [f"{v['id']} ({v['impact']})" for v in found if v["impact"] in ("serious", "critical")]
    for pixels in WIDTHS:
        width(pixels)
        time.sleep(0.2)
        wide = driver.execute_script("return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        seen["overflow"][f"{name}@{pixels}"] = bool(wide)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": pixels, "height": min(int(height), 6000), "deviceScaleFactor": 1, "mobile": True})
        time.sleep(0.1)
        driver.save_screenshot(os.path.join(out, f"{name}-{pixels}.png"))
    width(WIDTHS[0])


def press(label, wait_for):
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "form button[type=submit]") if b.text.strip() == label]
    if buttons:
        buttons[0].click()
        deadline = time.time() + 10
        while time.time() < deadline and wait_for not in driver.page_source:
            time.sleep(0.1)
    return len(buttons)


try:
    width(WIDTHS[0])
    driver.get(url)
    seen["offer_title"] = driver.title
    seen["offer_text"] = driver.find_element(By.TAG_NAME, "main").text
    seen["user_agent"] = driver.execute_script("return navigator.userAgent")
    look("offer")
    seen["accept_buttons"] = press("Jeg aksepterer tilbudet", "Du binder deg nå til")
    seen["confirm_url"] = driver.current_url
    seen["confirm_text"] = driver.find_element(By.TAG_NAME, "main").text
    look("confirm")
    seen["confirm_buttons"] = press("Ja, jeg aksepterer og binder meg", "Kvittering")
    seen["receipt_url"] = driver.current_url
    seen["receipt_text"] = driver.find_element(By.TAG_NAME, "main").text
    look("receipt")
    driver.save_screenshot(os.path.join(out, "receipt.png"))
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
