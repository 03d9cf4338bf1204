from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

def test_height(chromium, live_server, db, screenshot_dir):
    call_command("load_demo", stdout=StringIO())
    for w in (375, 1366):
        context = chromium.new_context(viewport={"width": w, "height": 812}, locale="zh-CN")
        page = context.new_page()
        page.goto(live_server.url + "/")
        h = page.evaluate("document.documentElement.scrollHeight")
        print("HOME HEIGHT", w, h)
        page.screenshot(path=screenshot_dir / f"tmp-home-{w}.png", full_page=True)
        page.goto(live_server.url + "/news/1/")
        page.screenshot(path=screenshot_dir / f"tmp-story-{w}.png", full_page=True)
