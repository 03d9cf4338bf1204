"""An editor imports a page in real Chromium: upload, the page reading the files (it reloads
itself until the task is done), preview with warnings, a union picked for the story that names
none, the drafts being filed, the result; on a phone and on a desktop."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from articles.models import Article
from editorial.roles import EDITOR, ensure_groups
from importer import tasks
from importer.models import ImportBatch
from tests.factories import make_union, make_user

pytestmark = pytest.mark.browser
# Tasks are kept, not run, so that the pages of the work in progress can be seen; the test runs
# each task itself.
KEPT_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

PASSWORD = "desk-password-42"
CORPUS = Path(__file__).resolve().parent / "corpus"
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("device", VIEWPORTS)
@override_settings(TASKS=KEPT_TASKS)
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
    page.set_input_files(
        "#id_files",
        [str(CORPUS / "03_commentary_page.txt"), str(CORPUS / "04_brief_column.txt")],
    )
    page.screenshot(path=screenshot_dir / f"importer-upload-{device}.png", full_page=True)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/import/\d+/$"))
    assert "正在解析…" in page.inner_text("h1")
    assert "已读取 0 / 2 个文件" in page.inner_text("#content-main")
    page.screenshot(path=screenshot_dir / f"importer-reading-{device}.png", full_page=True)
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 376

    # The task reads the files; the page, reloading itself, turns into the preview.
    batch = ImportBatch.objects.get()
    tasks.parse_batch.call(batch.pk)
    page.wait_for_selector("#importer-stories", timeout=10_000)

    rows = page.locator("#importer-stories tbody tr")
    count = rows.count()
    assert count == ImportBatch.objects.get().stories_found > 4
    assert "评论·观点" in page.locator(".importer-leftovers").inner_text()
    first = rows.nth(0)
    assert "不是已知的工会" in first.inner_text() or "没有提到已知的工会" in first.inner_text()
    first.locator("details summary").click()
    page.screenshot(path=screenshot_dir / f"importer-preview-{device}.png", full_page=True)
    # On a phone the stories are cards: the preview does not run off the side of the screen.
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 376

    # Every story whose union is unknown gets one picked; the editor imports.
    for index in range(count):
        picker = page.locator(f'select[name="union-{index}"]')
        if picker.count() and picker.input_value() == "":
            picker.select_option(label="\u3000合肥市总工会")
    page.click("input.default")
    page.wait_for_url(re.compile(r"/admin/import/\d+/$"))
    assert "正在创建草稿…" in page.inner_text("h1")
    page.screenshot(path=screenshot_dir / f"importer-filing-{device}.png", full_page=True)

    tasks.import_batch.call(batch.pk)
    page.wait_for_selector("#importer-results", timeout=10_000)
    page.screenshot(path=screenshot_dir / f"importer-imported-{device}.png", full_page=True)
    created = Article.objects.count()
    assert created == len(ImportBatch.objects.get().to_import) >= 4
    assert f"已导入 {created} 篇稿件" in page.inner_text("body")
    assert page.locator("#importer-results tbody tr").count() == created
    assert Article.objects.filter(union__name="合肥市总工会").count() >= 3
    if device == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 376
    context.close()
