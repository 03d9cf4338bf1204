"""The story's live preview links, on a phone and on a desktop (screenshots in test-artifacts/)."""

import pytest
import reversion

from editorial.roles import EDITOR, ensure_groups
from editorial.services.records import share_preview
from tests.browser import overflow
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
    reach, wide = overflow(page)
    section.screenshot(path=str(screenshot_dir / f"editorial-preview-links-{width}.png"))
    assert reach <= 0, wide
    context.close()


@pytest.mark.parametrize("width", [375, 1366])
def test_a_pinned_link_shows_its_version_and_says_a_newer_one_exists(
    chromium, live_server, screenshot_dir, width
):
    ensure_groups()
    editor = _desk_user("editor8", EDITOR, "李明")
    article = make_article(
        union=make_union("宿州市总工会"),
        status="review",
        headline="送审时的标题",
        body="送审时的第一段。\n\n送审时的第二段。",
        bylines=[("reporter", "陈雪")],
    )
    url, _expires = share_preview(article=article, actor=editor)
    with reversion.create_revision():
        article.headline = "后来改写的标题"
        article.save()
        reversion.add_to_revision(article)

    context = chromium.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + url[url.index("/editorial/") :])
    banner = page.locator(".preview-banner").inner_text()
    assert "此链接显示的是" in banner and "此后稿件已有修改" in banner
    assert "送审时的标题" in page.inner_text("h1")
    assert "后来改写的标题" not in page.content()
    reach, wide = overflow(page)
    assert reach <= 0, wide
    page.screenshot(path=str(screenshot_dir / f"editorial-pinned-preview-{width}.png"))
    context.close()
