"""Playwright driving Debian's Chromium (Playwright cannot download browsers here)."""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium per browser-test module; tests open their own pages in it.

    Playwright's sync API keeps an event loop running in this thread while it is started, so
    Django would refuse the ORM calls a test makes between browser steps. They are synchronous
    and safe: DJANGO_ALLOW_ASYNC_UNSAFE allows them for this module only, and Playwright stops
    at the module's end, so every other test runs under Django's normal guard.
    """
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)."
        )
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshot_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def log_in(browser, live_server, username, password, next_path, width=None):
    """A new browser context logged in to the admin, on next_path; width: a phone's or desktop's."""
    import re

    options = {"locale": "zh-CN"}
    if width is not None:
        options.update(viewport={"width": width, "height": 900}, has_touch=width < 600)
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_path)))
    return context, page


WIDER_THAN_THE_SCREEN = """() => {
  const width = window.innerWidth;
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) {
      const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
        + (typeof element.className === "string" && element.className
           ? "." + element.className.trim().split(/\\s+/).join(".") : "");
      wide.push(`${name} right=${Math.round(box.right)}`);
    }
  }
  return wide.slice(0, 12);
}"""


def overflow(page):
    """How far the page reaches past the screen's right edge, and which elements do.

    The elements make a failing width assertion say what to fix rather than only by how much.
    """
    reach = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return reach, (page.evaluate(WIDER_THAN_THE_SCREEN) if reach > 0 else [])
