"""A reporter files and submits a story, an editor publishes it, the public reads it."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from editorial.roles import EDITOR, REPORTER, ensure_groups
from tests.browser import log_in
from tests.factories import make_union, make_user

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"


def _log_in(browser, live_server, username, next_path):
    return log_in(browser, live_server, username, PASSWORD, next_path)


def _desk_user(username, group_name, full_name):
    user = make_user(username, password=PASSWORD, is_staff=True, first_name=full_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_file_submit_publish_read(chromium, live_server, screenshot_dir):
    # A transactional test starts with the groups flushed: make them as the migration does.
    ensure_groups()
    union = make_union("宿州市总工会", short_name="宿州")
    _desk_user("reporter1", REPORTER, "陈雪")
    _desk_user("editor1", EDITOR, "李明")

    context, page = _log_in(chromium, live_server, "reporter1", "/admin/articles/article/add/")
    page.click(".field-union .select2-selection")
    page.fill(".select2-search__field", "宿州")
    page.click(".select2-results__option >> text=宿州市总工会")
    page.fill("#id_headline", "职工书屋走进建筑工地")
    page.fill("#id_body", "近日,职工书屋走进建筑工地。\n\n工友们在工余时间读书看报。")
    page.click("input[name=_save_and_submit]")
    page.wait_for_selector(".desk-status--review")
    assert "职工书屋走进建筑工地" in page.locator(".messagelist").inner_text()
    page.screenshot(path=str(screenshot_dir / "editorial-submitted.png"), full_page=True)
    context.close()

    article = Article.objects.get(headline="职工书屋走进建筑工地")
    assert (article.status, article.union) == ("review", union)

    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(chromium, live_server, "editor1", change_path)
    page.click(f"a[href^='/admin/articles/article/{article.pk}/workflow/approve/']")
    assert page.is_checked("input[name=when][value=now]")
    assert "Asia/Shanghai" in page.content()
    page.click("input[type=submit].default")
    page.wait_for_selector(".desk-status--published")
    page.screenshot(path=str(screenshot_dir / "editorial-published.png"), full_page=True)

    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "职工书屋走进建筑工地"
    context.close()
    article.refresh_from_db()
    assert article.is_published()
