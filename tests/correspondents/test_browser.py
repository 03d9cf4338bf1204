"""A correspondent files from a phone with a photo; an editor accepts and publishes it; the
statistics page and the 通报 show it (screenshots under test-artifacts/)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from correspondents import links, services
from correspondents.models import Correspondent, Filing
from editorial.roles import EDITOR, ensure_groups
from reporting.models import Adoption, Outlet
from tests.factories import make_union, make_user
from tests.photos import images

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"
PHONE = {"width": 375, "height": 812}


def test_a_phone_filing_becomes_a_published_story_and_counts(chromium, live_server, screenshot_dir):
    ensure_groups()
    province = make_union("安徽省总工会", kind="province", short_name="安徽")
    city = make_union("宿州市总工会", parent=province, short_name="宿州")
    county = make_union("泗县总工会", parent=city, kind="county", short_name="泗县")
    person = Correspondent.objects.create(name="黄元明", union=county)
    services.issue_link(correspondent=person)
    editor = make_user("editor1", password=PASSWORD, is_staff=True, first_name="李明")
    editor.groups.add(Group.objects.get(name=EDITOR))
    # The editor who takes the copy owns the draft, and an author never signs: a colleague
    # publishes it.
    colleague = make_user("editor2", password=PASSWORD, is_staff=True, first_name="赵丽")
    colleague.groups.add(Group.objects.get(name=EDITOR))

    # The correspondent, on a phone, without an account.
    phone = chromium.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(live_server.url + links.path_for(person))
    assert page.locator("#id_union").input_value() == str(county.pk)
    page.fill("#id_headline", "泗县总工会为环卫工人送清凉")
    page.fill("#id_body", "7月15日，泗县总工会走进环卫所。\n\n为一线环卫工人送去防暑降温物品。")
    page.fill("#id_coauthors", "沈春")
    page.set_input_files(
        "#id_photo_1",
        files=[
            {
                "name": "IMG_0001.jpg",
                "mimeType": "image/jpeg",
                "buffer": images.phone_jpeg(1200, 900),
            }
        ],
    )
    page.fill("#id_caption_1", "工会干部为环卫工人送上防暑用品")
    submit_box = page.locator(".filing-submit").bounding_box()
    assert submit_box["height"] >= 44 and submit_box["width"] >= 300  # a thumb-sized target
    page.screenshot(path=str(screenshot_dir / "correspondents-filing-375.png"), full_page=True)
    page.click(".filing-submit")
    page.wait_for_selector(".filing-state-received")
    assert "泗县总工会为环卫工人送清凉" in page.locator(".filing-list").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing sticks out sideways
    page.screenshot(path=str(screenshot_dir / "correspondents-received-375.png"), full_page=True)

    filing = Filing.objects.get()
    assert filing.filing_photos.count() == 1

    # The editor accepts it from the queue, then submits and publishes the draft.
    desk = chromium.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    admin = desk.new_page()
    admin.goto(f"{live_server.url}/admin/login/?next=/admin/correspondents/filing/")
    admin.fill("#id_username", "editor1")
    admin.fill("#id_password", PASSWORD)
    admin.click("input[type=submit]")
    admin.wait_for_url(re.compile("/admin/correspondents/filing/"))
    assert "泗县总工会为环卫工人送清凉" in admin.locator("#result_list").inner_text()
    admin.goto(f"{live_server.url}/admin/correspondents/filing/{filing.pk}/change/")
    admin.screenshot(path=str(screenshot_dir / "correspondents-queue-filing.png"), full_page=True)
    admin.click("input[value='采用并生成草稿']")
    admin.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/"))
    filing.refresh_from_db()
    article = filing.article
    assert [b.name for b in article.bylines.all()] == ["黄元明", "沈春"]
    admin.click("input[name=_save_and_submit]")
    admin.wait_for_selector(".desk-status--review")
    signer = desk.new_page()
    desk.clear_cookies()
    signer.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    signer.fill("#id_username", "editor2")
    signer.fill("#id_password", PASSWORD)
    signer.click("input[type=submit]")
    signer.wait_for_selector(".desk-status--review")
    signer.click(f"a[href^='/admin/articles/article/{article.pk}/workflow/approve/']")
    signer.click("input[type=submit].default")
    signer.wait_for_selector(".desk-status--published")
    article.refresh_from_db()
    assert article.is_published() and article.photos.get().is_lead

    # The correspondent sees it used, with the public link.
    page.reload()
    page.wait_for_selector(".filing-state-used")
    page.click(".filing-headline a")
    assert page.locator("h1").inner_text() == "泗县总工会为环卫工人送清凉"
    page.screenshot(path=str(screenshot_dir / "correspondents-used-story-375.png"), full_page=True)
    phone.close()

    # It counts: an outlet used it too, recorded on the story's own page; then the statistics
    # page and the 通报.
    outlet, _ = Outlet.objects.get_or_create(name="安徽工人日报", defaults={"level": "provincial"})
    story_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    signer.goto(story_url)
    inline = signer.locator(".desk-records")
    signer.select_option("#id_adoptions-0-outlet", str(outlet.pk))
    signer.fill("#id_adoptions-0-date", f"{timezone.localdate():%Y-%m-%d}")
    signer.fill("#id_adoptions-0-page", "第3版")
    signer.fill("#id_adoptions-0-url", "http://ah.workercn.cn/")
    inline.scroll_into_view_if_needed()
    inline.screenshot(path=str(screenshot_dir / "reporting-adoptions-inline-1366.png"))
    # No "this changes the public page" question: an adoption is not a correction.
    signer.on("dialog", lambda dialog: pytest.fail(f"unexpected question: {dialog.message}"))
    signer.click("input[name=_continue]")
    signer.wait_for_selector(".messagelist .success")
    adoption = Adoption.objects.get(article=article)
    assert (adoption.outlet, adoption.page) == (outlet, "第3版")
    assert signer.locator("#id_adoptions-0-page").input_value() == "第3版"
    signer.screenshot(
        path=str(screenshot_dir / "reporting-story-adoptions-1366.png"), full_page=True
    )
    signer.set_viewport_size(PHONE)
    width = signer.evaluate("document.querySelector('.desk-records').scrollWidth")
    signer.locator(".desk-records").scroll_into_view_if_needed()
    signer.screenshot(
        path=str(screenshot_dir / "reporting-story-adoptions-375.png"), full_page=True
    )
    signer.locator(".desk-records").screenshot(
        path=str(screenshot_dir / "reporting-adoptions-inline-375.png")
    )
    assert width <= PHONE["width"]
    signer.set_viewport_size({"width": 1366, "height": 900})
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    query = f"?period=quarter&year={today.year}&quarter={quarter}"
    admin.goto(f"{live_server.url}/admin/statistics/{query}")
    unions = admin.locator("#table-unions").inner_text()
    assert "泗县总工会" in unions
    assert admin.locator("svg[role=img]").count() == 3
    admin.screenshot(path=str(screenshot_dir / "reporting-statistics-1366.png"), full_page=True)
    admin.set_viewport_size(PHONE)
    admin.screenshot(path=str(screenshot_dir / "reporting-statistics-375.png"), full_page=True)
    admin.set_viewport_size({"width": 1366, "height": 900})
    admin.goto(f"{live_server.url}/admin/statistics/bulletin/{query}")
    assert "信息工作情况的通报" in admin.locator("h1").inner_text()
    assert "黄元明" in admin.locator("#table-correspondents").inner_text()
    admin.emulate_media(media="print")
    admin.screenshot(path=str(screenshot_dir / "reporting-bulletin-print.png"), full_page=True)
    admin.pdf(path=str(screenshot_dir / "reporting-bulletin.pdf"), format="A4")
    desk.close()
    assert datetime.date.today()  # the period is the current quarter, Beijing time
