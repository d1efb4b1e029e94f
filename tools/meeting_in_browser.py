#!/usr/bin/env python3
"""The secretary's pages of a network meeting in headless Chromium (390 px wide, as on a phone).

  meeting_in_browser.py BASE_URL EMAIL PASSWORD DATE OUT_DIR
      logs in, opens /moter/ny, fills in a meeting on DATE (yyyy-mm-dd) at 10:00 with a place, invites the
      first organisation listed and one agenda item, sends the form; on the meeting page writes the minutes of
      the item, ticks everyone as attended and publishes; records a decision; opens the published minutes and
      prints {"meeting", "minutes_url", "minutes", "decisions", "sideways"} as one JSON line.
Screenshots go to OUT_DIR. Needs Debian's chromium and chromium-driver and `pip install selenium`."""
import json, os, re, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

base, email, password, day, out = sys.argv[1:6]
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
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", field, value)


def sideways():
    return driver.execute_script("const d = document.documentElement; return d.scrollWidth > d.clientWidth + 1")


try:
    driver.get(base + "/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(lambda: "/login" not in driver.current_url)

    driver.get(base + "/moter/ny")
    driver.find_element(By.NAME, "title").send_keys("Nettverksmøte i nettleseren")
    set_value("date", day)
    set_value("time", "10:00")
    driver.find_element(By.NAME, "place").send_keys("NORDMA, Oslo")
    driver.find_element(By.CSS_SELECTOR, "input[type=checkbox][name^='org_']").click()
    driver.find_element(By.NAME, "agenda_title_1").send_keys("Ny markedsføringslov")
    set_value("agenda_box_1", "30")
    driver.save_screenshot(os.path.join(out, "meeting-form.png"))
    seen["form_sideways"] = sideways()
    driver.find_element(By.CSS_SELECTOR, "form[action='/moter/ny'] button[type=submit]").click()
    wait_for(lambda: re.search(r"/moter/[0-9a-f-]{36}", driver.current_url) is not None)
    seen["meeting"] = driver.current_url.split("?")[0]

    driver.find_element(By.NAME, "section_1").send_keys("Loven krever **ikke** samtykke.")
    for box in driver.find_elements(By.CSS_SELECTOR, "form.minutes-form input[type=checkbox][name^='attended_']"):
        box.click()
    driver.save_screenshot(os.path.join(out, "meeting-minutes-form.png"))
    driver.find_element(By.CSS_SELECTOR, "form.minutes-form button[name=publish]").click()
    wait_for(lambda: "saved=1" in driver.current_url)
    seen["page_sideways"] = sideways()

    driver.find_element(By.NAME, "text").send_keys("Retningslinjene gjelder fra 1. april.")
    decision_form = driver.find_element(By.CSS_SELECTOR, "form[action$='/decision']")
    decision_form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(lambda: "saved=1" in driver.current_url)
    seen["decisions"] = driver.find_element(By.ID, "decisions").text

    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/referat?version=']")]
    seen["minutes_url"] = links[0] if links else None
    if links:
        driver.get(links[0])
        seen["minutes"] = driver.find_element(By.TAG_NAME, "main").text
        seen["minutes_html"] = driver.find_element(By.CSS_SELECTOR, "article.minutes").get_attribute("innerHTML")
        driver.save_screenshot(os.path.join(out, "meeting-minutes.png"))
    seen["sideways"] = sideways()
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
