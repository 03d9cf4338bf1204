"""Imports in the background (issue 15, findings 6 and 13): the upload stores the files, a task
parses them once while the batch's page shows progress, confirming files the drafts in a task,
and every failure is on the batch's page and in the admin."""

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from importer import services, tasks
from importer.models import ImportBatch, ImportedStory
from tests.factories import make_union, make_user

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/import/"
PAGE = """宿州市总工会

送法进企业

本报讯(记者 陈雪)近日,宿州市总工会开展送法进企业活动。(通讯员 王志刚)

四点半课堂开班

本报讯 近日,黄山市总工会在社区开办四点半课堂。(王士哲)
"""
# Its union is not in the table: the editor picks one.
UNKNOWN_UNION_STORY = "职工书屋开放\n\n本报讯 近日,龙西社区工会职工书屋开放。(王士哲)\n"


def upload(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/plain")


def text_of(response):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload_page(client, *files):
    response = client.post(UPLOAD_URL, {"files": list(files), "normalise_punctuation": "on"})
    assert response.status_code == 302, text_of(response)
    return response["Location"]


@pytest.mark.import_on_commit
def test_the_batch_page_shows_progress_while_the_tasks_work(editor_client, editor, cities):
    """Here the tasks wait for the commit, which a test never makes: the test runs them."""
    url = upload_page(editor_client, upload("page.txt", PAGE))
    batch = ImportBatch.objects.get()
    assert (batch.state, batch.stories) == ("queued", [])
    assert batch.files.get().name == "page.txt"

    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    page = text_of(response)
    assert "正在解析…" in page and "已找到 0 篇稿件" in page and "已读取 0 / 1 个文件" in page
    assert "page.txt" in page and "正在等待后台任务处理" in page
    assert "<script" not in html.split('id="content-main"')[1]  # no script: CSP stays strict

    tasks.parse_batch.enqueue(batch.pk)
    preview = editor_client.get(url)
    assert "找到的稿件" in text_of(preview) and "http-equiv" not in preview.content.decode()
    assert ImportBatch.objects.get().stories_found == 2

    assert editor_client.post(url).status_code == 302
    assert ImportBatch.objects.get().state == "importing"
    working = editor_client.get(url)
    assert "正在创建草稿…" in text_of(working) and "已处理 0 / 2 篇稿件" in text_of(working)
    assert Article.objects.count() == 0

    tasks.import_batch.enqueue(batch.pk)
    result = editor_client.get(url)
    assert "已导入 2 篇稿件" in text_of(result)
    assert Article.objects.filter(created_by=editor, status="draft").count() == 2


def test_running_the_import_task_again_creates_no_duplicates(editor_client, cities):
    url = upload_page(editor_client, upload("page.txt", PAGE))
    editor_client.post(url)
    batch = ImportBatch.objects.get()
    assert batch.state == "imported" and Article.objects.count() == 2

    # Run again as it is (a duplicate delivery): nothing to do.
    tasks.import_batch.enqueue(batch.pk)
    # Run again as if the first run had stopped before marking the batch done.
    ImportBatch.objects.filter(pk=batch.pk).update(state="importing")
    tasks.import_batch.enqueue(batch.pk)
    assert Article.objects.count() == 2
    assert ImportBatch.objects.get().results == batch.results

    # Even with a story's record lost, its copy is found on the desk and not filed again.
    results = dict(batch.results)
    lost = results.pop("1")
    ImportBatch.objects.filter(pk=batch.pk).update(state="importing", results=results)
    tasks.import_batch.enqueue(batch.pk)
    assert Article.objects.count() == 2
    assert ImportBatch.objects.get().results["1"] == {"exists": lost["article"]}
    assert "已存在，未重复导入" in text_of(editor_client.get(url))


@pytest.mark.import_on_commit
def test_a_story_that_cannot_be_filed_is_listed_with_its_reason(editor_client, cities):
    picked = make_union("龙西社区工会", parent=cities["黄山"])
    url = upload_page(editor_client, upload("page.txt", PAGE + "\n" + UNKNOWN_UNION_STORY))
    batch = ImportBatch.objects.get()
    tasks.parse_batch.enqueue(batch.pk)
    picks = {"shown": ["0", "1", "2"], "include-0": "on", "include-1": "on", "include-2": "on"}
    picks["union-2"] = picked.pk
    editor_client.post(url, picks)
    picked.delete()  # between the confirmation and the task
    tasks.import_batch.enqueue(batch.pk)

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "四点半课堂开班",
        "送法进企业",
    ]
    page = text_of(editor_client.get(url))
    assert "已导入 2 篇稿件" in page and "1 篇稿件未能导入" in page
    assert "职工书屋开放 未导入：没有所属工会：为它选择的工会已被删除。" in page


def test_an_unexpected_error_is_retried_then_shown_and_can_be_tried_again(
    editor_client, cities, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk unreadable")

    parse_source = services.parse_source
    monkeypatch.setattr(services, "parse_source", broken)
    url = upload_page(editor_client, upload("page.txt", PAGE))
    batch = ImportBatch.objects.get()
    # The immediate backend runs the retries at once; all four attempts fail.
    assert batch.state == "failed" and batch.may_retry
    assert batch.error == "尝试 4 次后仍然失败：RuntimeError: disk unreadable"
    page = text_of(editor_client.get(url))
    assert "导入失败" in page and "disk unreadable" in page and "page.txt" in page
    assert "重试" in page

    monkeypatch.setattr(services, "parse_source", parse_source)
    response = editor_client.post(url, {"action": "retry"})
    assert response["Location"] == url
    assert ImportBatch.objects.get().state == "ready"
    assert "找到的稿件" in text_of(editor_client.get(url))


def test_a_failed_batch_is_listed_in_the_admin_with_its_reason(client, editor_client, cities):
    upload_page(editor_client, upload("nostory.txt", "只有一段正文,没有标题。"))
    admin_user = make_user("site-admin", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    listing = client.get(reverse("admin:importer_importbatch_changelist") + "?state=failed")
    assert listing.status_code == 200
    assert "nostory.txt" in text_of(listing) and "没有找到稿件" in text_of(listing)
    batch = ImportBatch.objects.get()
    change = client.get(reverse("admin:importer_importbatch_change", args=[batch.pk]))
    assert change.status_code == 200 and "nostory.txt" in text_of(change)


def test_an_editor_cannot_see_or_confirm_another_editors_batch(
    client, editor_client, desk_editor, cities
):
    url = upload_page(editor_client, upload("page.txt", PAGE))
    client.force_login(desk_editor)
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD_URL
    assert "送法进企业" not in text_of(response)
    client.post(url)
    client.post(url, {"action": "retry"})
    assert ImportBatch.objects.get().state == "ready"
    assert Article.objects.count() == 0
    # Nor in the admin, were they given its permission.
    desk_editor.user_permissions.add(Permission.objects.get(codename="view_importbatch"))
    listing = client.get(reverse("admin:importer_importbatch_changelist"))
    assert listing.status_code == 200 and "page.txt" not in text_of(listing)


def test_reporters_cannot_open_a_batch(client, editor_client, desk_reporter, cities):
    url = upload_page(editor_client, upload("page.txt", PAGE))
    client.force_login(desk_reporter)
    assert client.get(url).status_code == 403


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_command_shows_progress_bars_on_a_terminal_for_large_inputs(
    write_file, cities, tmp_path
):
    stories = "".join(
        f"第{number}条消息\n\n本报讯 近日,第{number}场活动在淮北举行。(陈雪)\n\n"
        for number in range(1, 26)
    )
    first = write_file("one.txt", stories)
    second = tmp_path / "two.txt"
    second.write_text(
        "工会驿站建成\n\n淮北市总工会建成的工会驿站投入使用。(黄元明)\n", encoding="utf-8"
    )
    out, err = io.StringIO(), Terminal()
    call_command("import_page", str(first), str(second), "--union", "淮北", stdout=out, stderr=err)
    assert ImportedStory.objects.count() == 26
    progress = err.getvalue()
    assert "读取文件 [" in progress and "2/2" in progress
    assert "创建草稿 [########################] 26/26" in progress
    assert "\r" in progress  # redrawn in place

    # Not on a terminal (a log, a pipe): no bars.
    out, err = io.StringIO(), io.StringIO()
    call_command("import_page", str(first), "--dry-run", "--union", "淮北", stdout=out, stderr=err)
    assert "[" not in err.getvalue()


def test_files_past_the_story_limit_are_not_all_read(editor_client, cities, settings):
    settings.IMPORT_MAX_STORIES = 3
    url = upload_page(
        editor_client, upload("a.txt", PAGE), upload("b.txt", PAGE), upload("c.txt", PAGE)
    )
    batch = ImportBatch.objects.get()
    assert (batch.state, batch.files_read) == ("failed", 2)
    assert "前 2 个文件已有 4 篇稿件，一次导入最多 3 篇。请分几次导入。" in text_of(
        editor_client.get(url)
    )


def _queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_batch_pages_take_as_many_queries_whatever_the_number_of_stories(editor_client, cities):
    def briefs(count, start):
        return "".join(
            f"第{number}条消息\n\n本报讯 近日,淮北市总工会第{number}场活动举行。(陈雪)\n\n"
            for number in range(start, start + count)
        )

    counts = []
    for count, start in [(2, 0), (12, 100)]:
        url = upload_page(editor_client, upload("page.txt", briefs(count, start)))
        editor_client.post(url)
        assert ImportBatch.objects.latest("pk").state == "imported"
        counts.append(_queries_of(editor_client, url))
    assert counts[0] == counts[1], counts
