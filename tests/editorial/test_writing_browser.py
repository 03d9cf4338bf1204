"""The desk in Chromium at a phone's 375 px and a desktop's 1366 px: the story cards, the live
字数, the warning before leaving unsaved text, autosave recovery after a reload, and the approve
form's time handling. Screenshots land in test-artifacts/.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.body import body_character_count
from editorial.roles import EDITOR, REPORTER, ensure_groups
from tests.browser import log_in
from tests.factories import make_article, make_union, make_user

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"
WIDTHS = [375, 1366]


@pytest.fixture
def desk(db):
    """A transactional test starts with the groups flushed: make them as the migration does."""
    ensure_groups()
    union = make_union("宿州市总工会", short_name="宿州")
    for username, group, name in (("reporter1", REPORTER, "陈雪"), ("editor1", EDITOR, "李明")):
        user = make_user(username, password=PASSWORD, is_staff=True, first_name=name)
        user.groups.add(Group.objects.get(name=group))
    return union


def _log_in(browser, live_server, username, next_path, width):
    return log_in(browser, live_server, username, PASSWORD, next_path, width)


def _fits(page, width):
    """Nothing on the page is wider than the screen (no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_story_list_is_cards_on_a_phone(chromium, live_server, screenshot_dir, desk, width):
    reporter = get_user_model().objects.get(username="reporter1")
    make_article(union=desk, headline="职工书屋走进建筑工地", created_by=reporter)
    make_article(union=desk, headline="劳模工作室揭牌", status="review", created_by=reporter)
    context, page = _log_in(chromium, live_server, "editor1", "/admin/articles/article/", width)
    row = page.locator("#result_list tbody tr").first
    assert _fits(page, width)
    display = row.evaluate("row => getComputedStyle(row).display")
    genre_shown = page.locator("#result_list td.field-genre").first.is_visible()
    if width < 600:
        assert display == "grid" and not genre_shown
        assert page.locator("#result_list .field-card_time").first.is_visible()
        box = row.bounding_box()
        assert box["width"] <= width
    else:
        assert display == "table-row" and genre_shown
    assert page.locator("#result_list .desk-status--review").is_visible()
    page.screenshot(path=str(screenshot_dir / f"desk-story-list-{width}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_writing_live_count_leave_warning_and_autosave(
    chromium, live_server, screenshot_dir, desk, width
):
    reporter = make_user("reporter2", password=PASSWORD, is_staff=True, first_name="王志刚")
    reporter.groups.add(Group.objects.get(name=REPORTER))
    article = make_article(
        union=desk, headline="原来的标题", body="原来的正文。", created_by=reporter
    )
    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(chromium, live_server, "reporter2", change_path, width)
    assert _fits(page, width)

    # Live 字数: the same count as the server's.
    text = (
        "## 小标题\n\n近日，宿州市总工会举办 2026 年 AI 技能竞赛。\n\nWorkers' Day 活动 3.5 小时。"
    )
    page.fill("#id_body", text)
    counter = page.locator(".field-character_count_display .readonly")
    assert counter.inner_text() == str(body_character_count(text))
    page.fill("#id_headline", "没有保存的标题")
    # Two bylines: the row the page offers, and one added with "add another".
    page.fill("#id_bylines-0-name", "陈雪")
    page.click("#bylines-group .add-row a")
    page.fill("#id_bylines-1-name", "李华")
    page.screenshot(path=str(screenshot_dir / f"desk-writing-{width}.png"), full_page=True)

    # Leaving the page asks first.
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.wait_for_timeout(1000)  # the autosave writes after a pause in typing
    page.goto(f"{live_server.url}/admin/")
    assert dialogs == ["beforeunload"]

    # Back on the story: the text typed is offered back, and restored.
    page.goto(f"{live_server.url}{change_path}")
    banner = page.locator(".desk-restore")
    banner.wait_for()
    assert "恢复您输入的文字" in banner.inner_text()
    assert page.input_value("#id_headline") == "原来的标题"
    page.screenshot(path=str(screenshot_dir / f"desk-restore-offer-{width}.png"), full_page=True)
    assert page.locator("#id_bylines-1-name").count() == 0
    page.click(".desk-restore__restore")
    assert page.input_value("#id_headline") == "没有保存的标题"
    # The added byline row is back, with its name.
    assert page.input_value("#id_bylines-0-name") == "陈雪"
    assert page.input_value("#id_bylines-1-name") == "李华"
    assert page.input_value("#id_body") == text
    assert counter.inner_text() == str(body_character_count(text))

    # Ctrl+S saves, and the kept copy is then forgotten.
    page.keyboard.press("Control+s")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    # Browsers send a textarea's lines with CRLF.
    assert (article.headline, article.body.replace("\r\n", "\n")) == ("没有保存的标题", text)
    assert sorted(article.bylines.values_list("name", flat=True)) == ["李华", "陈雪"]
    page.reload()
    assert page.locator(".desk-restore").count() == 0
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_approve_form_time_handling(chromium, live_server, screenshot_dir, desk, width):
    article = make_article(union=desk, status="review", headline="职工之家建设观摩会召开")
    approve_path = f"/admin/articles/article/{article.pk}/workflow/approve/"
    context, page = _log_in(chromium, live_server, "editor1", approve_path, width)
    assert page.is_checked("input[name=when][value=now]")
    # Typing a time chooses "at the time below".
    page.fill("input[name=publish_at]", "2031-05-01T09:30")
    assert page.is_checked("input[name=when][value=at]")
    assert _fits(page, width)
    page.screenshot(path=str(screenshot_dir / f"desk-approve-time-{width}.png"), full_page=True)
    # Choosing "now" again with the time still there asks which was meant.
    page.check("input[name=when][value=now]")
    page.click("input[type=submit].default")
    page.wait_for_selector(".errorlist")
    assert "您选择了“立即”，但填写了时间" in page.content()
    article.refresh_from_db()
    assert article.status == "review"
    # A time in the past asks for confirmation and says what readers will see.
    page.check("input[name=when][value=at]")
    page.fill("input[name=publish_at]", "2020-05-01T09:30")
    page.click("input[type=submit].default")
    page.wait_for_selector("input[name=confirm_past]")
    assert "已经过去" in page.content()
    page.screenshot(path=str(screenshot_dir / f"desk-approve-past-{width}.png"), full_page=True)
    page.check("input[name=confirm_past]")
    page.click("input[type=submit].default")
    page.wait_for_selector(".desk-status--published")
    article.refresh_from_db()
    assert article.is_published() and article.publish_at.year == 2020
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_my_desk(chromium, live_server, screenshot_dir, desk, width):
    from editorial.services import transitions

    users = get_user_model().objects
    reporter, editor = users.get(username="reporter1"), users.get(username="editor1")
    returned = make_article(union=desk, status="review", headline="需要压缩导语的稿件")
    returned.created_by = reporter
    returned.save()
    transitions.return_to_author(
        article=returned, actor=editor, reason="导语太长，请压缩到一百字以内。", notify=False
    )
    make_article(union=desk, headline="还在写的草稿", created_by=reporter)
    make_article(union=desk, status="review", headline="等着审的稿子", created_by=reporter)

    context, page = _log_in(chromium, live_server, "reporter1", "/admin/", width)
    assert page.locator("#my-desk").is_visible()
    reason = page.locator("#my-desk-returned .desk-home__reason")
    assert "导语太长，请压缩到一百字以内。" in reason.inner_text()
    assert reason.is_visible()
    assert "还在写的草稿" in page.locator("#my-desk-drafts").inner_text()
    assert _fits(page, width)
    page.screenshot(path=str(screenshot_dir / f"desk-my-desk-reporter-{width}.png"), full_page=True)
    page.click("#my-desk-returned .desk-home__headline")
    page.wait_for_selector(".desk-workflow__returned")
    context.close()

    context, page = _log_in(chromium, live_server, "editor1", "/admin/", width)
    assert "等着审的稿子" in page.locator("#my-desk-to_review").inner_text()
    page.screenshot(path=str(screenshot_dir / f"desk-my-desk-editor-{width}.png"), full_page=True)
    page.goto(f"{live_server.url}/admin/articles/article/")
    if width >= 1024:
        assert page.locator("#nav-sidebar .desk-sidebar").is_visible()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_correcting_asks_first_and_photos_show_progress(
    chromium, live_server, screenshot_dir, desk, width, tmp_path
):
    from tests.photos.images import phone_jpeg

    article = make_article(union=desk, status="published", headline="已经见报的稿件")
    change_path = f"/admin/articles/article/{article.pk}/change/"
    context, page = _log_in(chromium, live_server, "editor1", change_path, width)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(phone_jpeg(1200, 900))
    page.set_input_files("input[name=photos-0-image]", str(photo))
    page.fill("#id_photos-0-caption", "活动现场。")
    page.fill("#id_photos-0-credit", "李明")
    page.fill("#id_body", "改正后的正文。")

    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    # What a submit shows while the photo uploads (a dispatched event runs the page's handler
    # without sending the form, so the notice stays to be looked at).
    page.evaluate(
        "document.getElementById('article_form')"
        ".dispatchEvent(new Event('submit', {cancelable: true}))"
    )
    notice = page.locator(".desk-saving")
    assert "正在上传 1 张照片" in notice.inner_text()
    page.screenshot(path=str(screenshot_dir / f"desk-uploading-{width}.png"))
    assert questions and "这篇稿件已公开" in questions[0]
    page.evaluate("document.querySelector('.desk-saving').remove()")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")
    assert questions and "这篇稿件已公开" in questions[0]
    assert "已记录更正" in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.body == "改正后的正文。" and article.photos.count() == 1
    context.close()
