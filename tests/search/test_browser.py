"""Searching in real Chromium, on a phone and on a desktop."""

import pytest
from django.utils import timezone

from .conftest import published

pytestmark = pytest.mark.browser

SIZES = [("phone", 375, 812), ("desktop", 1280, 900)]


@pytest.fixture
def stories(city, county, other_city):
    now = timezone.now()
    return [
        published(
            union=city,
            headline="劳模贷助力三名职工创业",
            body="宿州市总工会联合银行推出劳模贷,首批三名劳模拿到了贷款。\n\n"
            "## 贷款用在了哪里\n\n" + "他们把钱用在了扩大生产上。" * 6,
            themes=["劳模"],
            bylines=[("reporter", "陈雪")],
            publish_at=now - timezone.timedelta(hours=1),
        ),
        published(
            union=county,
            headline="泗县劳模工作室揭牌",
            body="工作室由省级劳模领衔,将带动更多职工创新。",
            themes=["劳模"],
            publish_at=now - timezone.timedelta(days=1),
        ),
        published(
            union=other_city,
            headline="宣城职工书屋开放",
            body="书屋里也有劳模事迹专架。",
            publish_at=now - timezone.timedelta(days=2),
        ),
    ]


@pytest.mark.parametrize(("size", "width", "height"), SIZES)
def test_search_and_narrow_by_union(
    chromium, live_server, screenshot_dir, stories, city, size, width, height
):
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    try:
        page.goto(f"{live_server.url}/search/")
        page.locator("#search-q").fill("劳模")
        page.locator("#search-q").press("Enter")
        page.wait_for_url("**/search/?q=*")

        assert page.locator(".search-hit").count() == 3
        assert page.locator(".search-hit__headline").first.inner_text() == "劳模贷助力三名职工创业"
        assert page.locator(".search-hit__headline mark").first.inner_text() == "劳模"
        # Nothing sticks out sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=screenshot_dir / f"search-results-{size}.png", full_page=True)

        page.locator("#search-union").select_option(city.slug)
        page.locator(".search-page__button").click()
        page.wait_for_url(f"**union={city.slug}*")

        headlines = page.locator(".search-hit__headline").all_inner_texts()
        assert headlines == ["劳模贷助力三名职工创业", "泗县劳模工作室揭牌"]
        page.screenshot(path=screenshot_dir / f"search-filtered-{size}.png", full_page=True)
    finally:
        page.close()


def test_a_hostile_query_shows_a_friendly_page(chromium, live_server, screenshot_dir, stories):
    width, height = 375, 812
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"{live_server.url}/search/")
        page.locator("#search-q").fill('<img src=x onerror=alert(1)>" & | !')
        page.locator("#search-q").press("Enter")
        page.wait_for_load_state()

        assert dialogs == []
        assert page.locator(".search-page__summary").is_visible()
        assert page.locator(".search-page img").count() == 0
        page.screenshot(path=screenshot_dir / "search-hostile-phone.png", full_page=True)
    finally:
        page.close()
