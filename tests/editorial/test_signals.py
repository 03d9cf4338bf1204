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
