"""Headless Debian Chromium for the viewer's browser tests and benchmark, offline and logged.

Examples
--------
>>> ARGUMENTS[0], "--no-sandbox" in ARGUMENTS
('--headless=new', True)
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--window-size=1400,900")


def missing_browser() -> str | None:
    """Return what is missing to run Chromium under selenium, or None when everything is there."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return str(path)
    return None


def start_chromium(profile: str | None = None):
    """Start headless Chromium (fresh profile) logging the console and network; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile or tempfile.mkdtemp(prefix='graphkit-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))


def wait_until_drawn(driver, timeout: float = 60.0) -> float:
    """Wait for the view's first drawing; return its time in ms since navigation started."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.02).until(
        lambda d: d.execute_script("return !!(window.graphkitView && window.graphkitView.ready)"))
    return driver.execute_script("return window.graphkitView.drawnAt")


def requested_urls(driver) -> list[str]:
    """Return the URLs the page asked the network for (Chrome's performance log).

    data: URLs are left out, and so are the browser's own chrome:// pages (the new-tab page Chromium
    sometimes loads as it starts): those are not network requests of the page under test.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("data:", "chrome:", "chrome-untrusted:", "devtools:")):
                urls.append(url)
    return urls


def click_canvas(driver, point: dict) -> None:
    """Click the network canvas at a point given in its DOM coordinates."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(point["x"] - canvas.size["width"] / 2), int(point["y"] - canvas.size["height"] / 2)
    ).click().perform()
