"""The desk status after every workflow step, read the three ways the desk reads it: the story's
own badge (desk_status), the status filter of the story list and the admin index's counts.

The counts and the filter work it out in the database (a draft's newest status move says
whether it was returned), the badge in Python; after each step all three must agree.
"""

from datetime import timedelta

import reversion
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from editorial.desk_status import DeskStatus, desk_status
from editorial.services import records, transitions
from tests.editorial.helpers import changelist_url


def _save_version(article, user, body):
    with reversion.create_revision():
        article.body = body
        article.save()
        reversion.set_user(user)


def _assert_desk_status(client, article, expected):
    fresh = Article.objects.get(pk=article.pk)
    assert desk_status(fresh) == expected
    counts = {key: count for key, _label, count in client.get("/admin/").context["counts"]}
    assert counts == {status.value: int(status == expected) for status in DeskStatus}
    for status in DeskStatus:
        rows = client.get(changelist_url(), {"status": status.value}).context["cl"].result_list
        assert [row.pk for row in rows] == ([article.pk] if status == expected else []), status


def test_desk_status_after_every_step(story, reporter, editor, login):
    desk = login(editor)
    article = story(status="draft", headline="走完流程的稿件")
    _save_version(article, reporter, "第一稿。")
    _save_version(article, reporter, "第二稿。")
    _assert_desk_status(desk, article, DeskStatus.DRAFT)

    transitions.submit(article=article, actor=reporter, notify=False)
    _assert_desk_status(desk, article, DeskStatus.REVIEW)
    transitions.take_back(article=article, actor=reporter)
    _assert_desk_status(desk, article, DeskStatus.DRAFT)
    transitions.submit(article=article, actor=reporter, notify=False)
    transitions.return_to_author(article=article, actor=editor, reason="补充数据。", notify=False)
    _assert_desk_status(desk, article, DeskStatus.RETURNED)

    # Restoring an earlier version is an event, not a status move: still returned.
    first = Version.objects.get_for_object(article).order_by("pk").first()
    records.restore_version(article=article, version=first, actor=reporter)
    _assert_desk_status(desk, article, DeskStatus.RETURNED)

    transitions.submit(article=article, actor=reporter, notify=False)
    _assert_desk_status(desk, article, DeskStatus.REVIEW)
    transitions.approve(
        article=article, actor=editor, publish_at=timezone.now() + timedelta(days=1), notify=False
    )
    _assert_desk_status(desk, article, DeskStatus.SCHEDULED)
    transitions.reschedule(
        article=article, actor=editor, publish_at=timezone.now() + timedelta(days=2)
    )
    _assert_desk_status(desk, article, DeskStatus.SCHEDULED)
    transitions.unschedule(article=article, actor=editor)
    _assert_desk_status(desk, article, DeskStatus.REVIEW)
    transitions.approve(article=article, actor=editor, notify=False)
    _assert_desk_status(desk, article, DeskStatus.PUBLISHED)

    records.record_correction(article=article, actor=editor, note="更正人名。")
    _assert_desk_status(desk, article, DeskStatus.PUBLISHED)
    transitions.withdraw(article=article, actor=editor, reason="重复稿件。")
    _assert_desk_status(desk, article, DeskStatus.WITHDRAWN)


def test_a_returned_story_submitted_again_is_no_longer_returned(story, reporter, editor, login):
    """The newest move decides, not whether a return ever happened."""
    desk = login(editor)
    article = story(status="review")
    transitions.return_to_author(article=article, actor=editor, reason="重写。", notify=False)
    transitions.submit(article=article, actor=reporter, notify=False)
    transitions.take_back(article=article, actor=reporter)
    _assert_desk_status(desk, article, DeskStatus.DRAFT)
