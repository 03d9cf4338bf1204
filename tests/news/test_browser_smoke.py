import pytest

from tests.factories import make_article

pytestmark = pytest.mark.browser


def test_story_page_opens_in_chromium(chromium, live_server, city):
    article = make_article(union=city, status="published", headline="浏览器冒烟测试")
    page = chromium.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "浏览器冒烟测试"
    page.close()
