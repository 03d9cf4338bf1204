"""Deep pages by cursor in Chromium: a reader on a phone and a desktop pages back and forth."""

import pytest
from django.utils import timezone

from articles.models import Article
from news.paging import NUMBERED_PAGES

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("device", VIEWPORTS)
def test_reader_pages_past_the_numbered_pages(chromium, live_server, screenshot_dir, city, device):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            union=city,
            headline=f"翻页稿件{number:03d}",
            body="职工之家建设又有新进展。",
            status="published",
            publish_at=now - timezone.timedelta(hours=number * 7 + 1),
        )
        for number in range(20 * (NUMBERED_PAGES + 2))
    )
    page = chromium.new_page(viewport=VIEWPORTS[device])
    page.goto(f"{live_server.url}{city.get_absolute_url()}?page={NUMBERED_PAGES}")
    assert page.locator(".page-current").inner_text() == f"第 {NUMBERED_PAGES} / 7 页"

    page.get_by_role("link", name="较早稿件").click()
    page.wait_for_load_state("networkidle")
    assert "?before=" in page.url
    first = NUMBERED_PAGES * 20
    assert page.locator(".story-headline").first.inner_text() == f"翻页稿件{first:03d}"
    # A cursor page is not counted: it says the dates of its stories.
    assert "至" in page.locator(".page-current").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[device]["width"]
    page.locator(".pagination").scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / f"news-cursor-page-{device}.png", full_page=True)

    page.get_by_role("link", name="较新稿件").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".story-headline").first.inner_text() == f"翻页稿件{first - 20:03d}"
    page.close()
