"""The story's live preview links, on a phone and on a desktop (screenshots in test-artifacts/)."""

import pytest

from editorial.roles import EDITOR, ensure_groups
from tests.editorial.test_browser import _desk_user, _log_in
from tests.factories import make_article, make_union

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [375, 1366])
def test_live_links_and_their_revoke_buttons_fit_the_screen(
    chromium, live_server, screenshot_dir, width
):
    ensure_groups()
    _desk_user("editor9", EDITOR, "李明")
    article = make_article(union=make_union("宿州市总工会"), status="review", headline="待审稿件")
    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(chromium, live_server, "editor9", change_path)
    page.set_viewport_size({"width": width, "height": 900})
    for _ in range(2):
        page.goto(live_server.url + change_path)
        page.get_by_role("button", name="生成审稿预览链接").click()
    page.goto(live_server.url + change_path)

    section = page.locator(".desk-preview-links")
    section.scroll_into_view_if_needed()
    assert section.locator("button", has_text="撤销").count() == 2
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    section.screenshot(path=str(screenshot_dir / f"editorial-preview-links-{width}.png"))
    assert overflow <= 0
    context.close()
