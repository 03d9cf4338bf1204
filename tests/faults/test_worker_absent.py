"""Drill: no task worker running. The site works; the backlog waits, visible in the admin."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from tests.editorial.helpers import transition_url

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_without_a_worker_steps_commit_and_the_backlog_is_listed(
    settings, story, reporter, editor, login, client, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    draft = story(status="draft", headline="等待审核的稿件")
    live = story(status="published", headline="将被撤回的稿件")

    with django_capture_on_commit_callbacks(execute=True):
        assert login(reporter).post(transition_url(draft, "submit")).status_code == 302
        response = login(editor).post(transition_url(live, "withdraw"), {"reason": "核实中。"})
        assert response.status_code == 302

    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (Article.Status.REVIEW, Article.Status.WITHDRAWN)
    assert client.get(live.get_absolute_url()).status_code == 410
    assert client.get("/").status_code == 200

    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.filter(task_path__endswith="send_workflow_email").exists()
    chief = login(editor.__class__.objects.create_superuser("chief", "chief@example.org", "x"))
    listing = chief.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status=READY"
    )
    assert listing.status_code == 200
    assert "send_workflow_email" in listing.content.decode()
