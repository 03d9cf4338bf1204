"""Three people sign a commentary through 初审, 复审 and 终审 in Chromium; the sheet is printed."""

import re

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from editorial.models import ReviewPolicy
from editorial.roles import DESK_CHIEF, EDITOR, LEADER, REPORTER, ensure_groups
from tests.factories import make_union, make_user

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"


def _desk_user(username, group_name, full_name):
    user = make_user(username, password=PASSWORD, is_staff=True, first_name=full_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _log_in(browser, live_server, username, next_path, **context_options):
    context = browser.new_context(locale="zh-CN", **context_options)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(next_path)))
    return context, page


def _sign(browser, live_server, username, article, opinion, *, publish=False, shot=None):
    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(browser, live_server, username, change_path)
    step = "approve" if publish else "sign_off"
    page.click(f"a[href^='/admin/articles/article/{article.pk}/workflow/{step}/']")
    page.fill("#id_opinion", opinion)
    page.click("input[type=submit].default")
    page.wait_for_selector(".messagelist .success")
    if shot:
        page.screenshot(path=str(shot), full_page=True)
    context.close()


def test_three_levels_and_the_printed_sheet(chromium, live_server, screenshot_dir):
    ensure_groups()
    union = make_union("宿州市总工会", short_name="宿州")
    reporter = _desk_user("reporter1", REPORTER, "陈雪")
    _desk_user("editor1", EDITOR, "李明")
    _desk_user("chief1", DESK_CHIEF, "周建国")
    _desk_user("leader1", LEADER, "吴德明")
    policy = ReviewPolicy.objects.create(name="评论（三审）", genres=["commentary"])
    for level, group_name in [("first", EDITOR), ("second", DESK_CHIEF), ("final", LEADER)]:
        policy.steps.create(level=level, group=Group.objects.get(name=group_name))
    article = Article.objects.create(
        union=union,
        genre="commentary",
        status="review",
        created_by=reporter,
        headline="让职工书屋真正活起来",
        body="职工书屋建起来只是第一步，用起来、活起来才是目的。" * 20,
    )

    _sign(chromium, live_server, "editor1", article, "同意，建议复审")
    _sign(
        chromium,
        live_server,
        "chief1",
        article,
        "同意，请领导终审",
        shot=screenshot_dir / "review-second-signed.png",
    )
    _sign(chromium, live_server, "leader1", article, "同意签发", publish=True)
    article.refresh_from_db()
    assert article.is_published()

    # The change page shows the three signatures, on a phone too.
    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(
        chromium, live_server, "chief1", change_path, viewport={"width": 375, "height": 800}
    )
    levels = page.locator(".desk-levels").inner_text()
    assert "初审" in levels and "复审" in levels and "终审" in levels
    page.screenshot(path=str(screenshot_dir / "review-levels-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/proofing/{article.pk}/sheet/")
    sheet = page.locator(".sheet").inner_text()
    for text in ("让职工书屋真正活起来", "李明", "周建国", "吴德明", "同意签发", "评论"):
        assert text in sheet, text
    page.screenshot(path=str(screenshot_dir / "review-sheet-phone.png"), full_page=True)
    page.emulate_media(media="print")
    pdf = page.pdf(path=str(screenshot_dir / "review-sheet.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and (screenshot_dir / "review-sheet.pdf").stat().st_size > 5000
    context.close()

    context, page = _log_in(chromium, live_server, "chief1", f"/proofing/{article.pk}/sheet/")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(screenshot_dir / "review-sheet-desktop.png"), full_page=True)
    context.close()
