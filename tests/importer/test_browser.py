"""An editor imports a page in real Chromium: upload, preview with warnings, a union picked for
the story that names none, drafts created; on a phone and on a desktop."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from editorial.roles import EDITOR, ensure_groups
from tests.factories import make_union, make_user

pytestmark = pytest.mark.browser

PASSWORD = "desk-password-42"
CORPUS = Path(__file__).resolve().parent / "corpus"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("device", VIEWPORTS)
def test_an_editor_imports_a_page_and_picks_a_union(chromium, live_server, screenshot_dir, device):
    ensure_groups()
    province = make_union("安徽省总工会", kind="province", short_name="安徽")
    for city in ("淮北", "合肥", "宿州", "泗县"):
        make_union(f"{city}市总工会", parent=province, kind="city", short_name=city)
    editor = make_user("editor1", password=PASSWORD, is_staff=True, first_name="李明")
    editor.groups.add(Group.objects.get(name=EDITOR))

    context = chromium.new_context(locale="zh-CN", viewport=VIEWPORTS[device])
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/import/")
    page.fill("#id_username", "editor1")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile("/admin/import/$"))
    page.set_input_files("#id_files", str(CORPUS / "03_commentary_page.txt"))
    page.screenshot(path=screenshot_dir / f"importer-upload-{device}.png", full_page=True)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/import/\d+/$"))

    rows = page.locator("#importer-stories tbody tr")
    assert rows.count() == 4
    assert "评论·观点" in page.locator(".importer-leftovers").inner_text()
    first = rows.nth(0)
    assert "不是已知的工会" in first.inner_text() or "没有提到已知的工会" in first.inner_text()
    first.locator("details summary").click()
    page.screenshot(path=screenshot_dir / f"importer-preview-{device}.png", full_page=True)
    # On a phone the stories are cards: the preview does not run off the side of the screen.
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 376

    # Every story whose union is unknown gets one picked; the editor imports.
    for index in range(4):
        picker = page.locator(f'select[name="union-{index}"]')
        if picker.input_value() == "":
            picker.select_option(label="\u3000合肥市总工会")
    page.click("input.default")
    page.wait_for_url(re.compile("/admin/articles/article/"))
    page.screenshot(path=screenshot_dir / f"importer-imported-{device}.png", full_page=True)
    assert "已导入 4 篇稿件" in page.inner_text("body")
    assert sorted(Article.objects.values_list("union__name", flat=True)) == [
        "合肥市总工会",
        "合肥市总工会",
        "合肥市总工会",
        "淮北市总工会",
    ]
    context.close()
