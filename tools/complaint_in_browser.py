#!/usr/bin/env python3
"""A consumer complains in headless Chromium (390 px wide, as on a phone).

  complaint_in_browser.py form BASE_URL NUMBER OUT_DIR
      opens /klage, picks the business by typing its name, fills in the number that was called, yesterday's
      date and a time, ticks "called although reserved", writes the text and an e-mail address, sends the form
      and prints {"url": the code page, "title", "text"} as one JSON line.
  complaint_in_browser.py code CODE_PAGE_URL CODE OUT_DIR
      types the SMS code on the code page, confirms and prints {"url", "title", "text", "follow"} (the link to
      follow the case).
Screenshots go to OUT_DIR. Needs Debian's chromium and chromium-driver and `pip install selenium`."""
import datetime, json, os, re, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

mode = sys.argv[1]
out = sys.argv[-1]
os.makedirs(out, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,1400", "--lang=nb-NO"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "nb-NO,nb"})
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
seen = {}


def wait_for(predicate, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def set_value(name, value):
    field = driver.find_element(By.NAME, name)
    # Date and time inputs take typed text in the browser's locale; setting the value is what a picker does.
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", field, value)


try:
    if mode == "form":
        base, number = sys.argv[2], sys.argv[3]
        driver.get(base + "/klage")
        driver.find_element(By.NAME, "business").send_keys("Alfa Callsenter")
        driver.find_element(By.NAME, "number").send_keys(number)
        yesterday = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)).date().isoformat()
        set_value("date", yesterday)
        set_value("time", "10:00")
        driver.find_element(By.ID, "r-reserved").click()
        driver.find_element(By.NAME, "text").send_keys("De ringte meg selv om jeg er reservert.")
        driver.find_element(By.NAME, "contact_email").send_keys("kari@example.no")
        driver.save_screenshot(os.path.join(out, "complaint-form.png"))
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/klage']")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(lambda: re.search(r"/klage/[0-9a-fA-F-]{36}$", driver.current_url) is not None)
        driver.save_screenshot(os.path.join(out, "complaint-code.png"))
    else:
        url, code = sys.argv[2], sys.argv[3]
        driver.get(url)
        driver.find_element(By.NAME, "code").send_keys(code)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for(lambda: "/klage/sak/" in driver.page_source)
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/klage/sak/']")]
        seen["follow"] = links[0] if links else None
        driver.save_screenshot(os.path.join(out, "complaint-confirmed.png"))
    seen["url"] = driver.current_url
    seen["title"] = driver.title
    seen["text"] = driver.find_element(By.TAG_NAME, "main").text
    seen["sideways"] = driver.execute_script("const d = document.documentElement; return d.scrollWidth > d.clientWidth + 1")
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
