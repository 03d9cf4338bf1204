"""Apps above editorial follow a story through `story_event_recorded`, sent after the commit."""

import pytest
from django.db import transaction

from editorial.models import ArticleEvent
from editorial.services.transitions import submit
from editorial.signals import story_event_recorded


@pytest.fixture
def heard():
    events = []

    def listener(sender, event, **kwargs):
        events.append((event.article_id, event.kind))

    story_event_recorded.connect(listener)
    yield events
    story_event_recorded.disconnect(listener)


def test_a_step_is_announced_once_its_transaction_commits(
    story, reporter, heard, django_capture_on_commit_callbacks
):
    article = story()
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=article, actor=reporter)
        assert heard == []
    assert heard == [(article.pk, ArticleEvent.Kind.SUBMITTED)]


def test_a_rolled_back_step_is_never_announced(
    story, reporter, heard, django_capture_on_commit_callbacks
):
    article = story()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        submit(article=article, actor=reporter)
        raise RuntimeError("the request failed after the step")
    assert callbacks == []
    assert heard == []


def test_a_failing_listener_does_not_undo_the_step(
    story, reporter, heard, django_capture_on_commit_callbacks
):
    def broken(sender, event, **kwargs):
        raise ValueError("listener bug")

    story_event_recorded.connect(broken)
    try:
        article = story()
        with django_capture_on_commit_callbacks(execute=True):
            submit(article=article, actor=reporter)
    finally:
        story_event_recorded.disconnect(broken)
    article.refresh_from_db()
    assert article.status == "review"
    assert heard == [(article.pk, ArticleEvent.Kind.SUBMITTED)]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_scheduling_queues_one_announcement_for_the_publication_time(
    story, reporter, editor, settings, django_capture_on_commit_callbacks
):
    """Approving or rescheduling for later queues announce_fallen_due for that time; a story
    published now needs none."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    from editorial.services.transitions import approve, reschedule

    settings.TASKS = DATABASE_TASKS
    now_story, later_story = story(status="review"), story(status="review")
    later = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        approve(article=now_story, actor=editor, notify=False)
        approve(article=later_story, actor=editor, publish_at=later, notify=False)
    # The one task waiting for a time (the others, such as indexing, run at once).
    queued = DBTaskResult.objects.exclude(run_after=get_date_max()).get()
    assert queued.task_path == "editorial.tasks.announce_fallen_due"
    assert (queued.run_after, queued.args_kwargs["kwargs"]) == (
        later,
        {"article_id": later_story.pk},
    )

    even_later = later + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        reschedule(article=later_story, actor=editor, publish_at=even_later)
    waiting = DBTaskResult.objects.exclude(run_after=get_date_max())
    assert sorted(waiting.values_list("run_after", flat=True)) == [later, even_later]


def test_the_announcement_tells_the_listeners_and_survives_a_failing_one(story, editor):
    from editorial.signals import story_fell_due
    from editorial.tasks import announce_fallen_due

    heard = []

    def listening(sender, article_id, **kwargs):
        heard.append(article_id)

    def failing(sender, article_id, **kwargs):
        raise RuntimeError("listener broke")

    story_fell_due.connect(listening)
    story_fell_due.connect(failing)
    try:
        assert announce_fallen_due.call(article_id=41) == 1
    finally:
        story_fell_due.disconnect(listening)
        story_fell_due.disconnect(failing)
    assert heard == [41]
