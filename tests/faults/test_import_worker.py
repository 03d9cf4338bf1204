"""Drill: an import through the real task worker (`manage.py db_worker`), on PostgreSQL."""

import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from importer.models import ImportBatch
from tests.factories import make_union, make_user
from tests.faults.test_processes import DATABASE_TASKS, ROOT, server_environment
from tests.importer.conftest import grant

pytestmark = [
    pytest.mark.drill,
    pytest.mark.import_on_commit,
    pytest.mark.django_db(transaction=True),
]

PAGE = """送法进企业

本报讯(记者 陈雪)近日,宿州市总工会开展送法进企业活动。(通讯员 王志刚)

四点半课堂开班

本报讯 近日,宿州市总工会在社区开办四点半课堂。(王士哲)
"""


def run_worker(settings):
    """The worker, in its own process, until the queue is empty; it reads the same files."""
    imports = settings.STORAGES["imports"]["OPTIONS"]["location"]
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0.1"],
        cwd=ROOT,
        env=server_environment(IMPORT_FILES_ROOT=str(imports)),
        check=True,
        timeout=120,
        capture_output=True,
    )


def test_the_worker_parses_and_imports_what_the_editor_uploaded(client, settings, province):
    settings.TASKS = DATABASE_TASKS
    make_union("宿州市总工会", parent=province, kind="city", short_name="宿州")
    editor = grant(
        make_user("worker-editor", is_staff=True),
        "add_article",
        "change_article",
        "view_article",
        "review_article",
    )
    client.force_login(editor)
    upload = SimpleUploadedFile("page.txt", PAGE.encode("utf-8"), content_type="text/plain")
    url = client.post("/admin/import/", {"files": [upload], "normalise_punctuation": "on"})[
        "Location"
    ]
    assert "正在解析" in client.get(url).content.decode()
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker(settings)
    assert ImportBatch.objects.get().state == "ready"
    client.post(url)
    assert "正在创建草稿" in client.get(url).content.decode()
    run_worker(settings)

    batch = ImportBatch.objects.get()
    assert batch.state == "imported"
    assert Article.objects.filter(created_by=editor, status="draft").count() == 2
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
