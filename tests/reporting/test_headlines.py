"""The day's 头条 is recorded from the home page's own choice when a step changes it."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from editorial.services.transitions import approve, submit, unschedule, withdraw
from editorial.tasks import announce_fallen_due
from reporting.models import FrontPageLead
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_publishing_records_todays_lead_and_withdrawing_moves_it(
    city, django_capture_on_commit_callbacks, django_user_model
):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR

    editor = django_user_model.objects.create_user("liming", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    # The author never signs: a colleague publishes the editor's story.
    colleague = django_user_model.objects.create_user("zhaoli", is_staff=True)
    colleague.groups.add(Group.objects.get(name=EDITOR))
    earlier = make_article(union=city, status="published", headline="早些时候的稿件")
    story = make_article(union=city, created_by=editor, headline="今天的头条")
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=story, actor=editor, notify=False)
        approve(article=story, actor=colleague, notify=False)
    assert FrontPageLead.objects.get(date=timezone.localdate()).article == story
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(article=story, actor=editor, reason="信息有误")
    assert FrontPageLead.objects.get(date=timezone.localdate()).article == earlier


def test_the_evening_command_records_the_lead(city):
    story = make_article(
        union=city, status="published", publish_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    call_command("record_lead_story", stdout=None)
    assert FrontPageLead.objects.get(date=timezone.localdate()).article == story


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def desk(django_user_model):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR

    author = django_user_model.objects.create_user("liming", is_staff=True)
    signer = django_user_model.objects.create_user("zhaoli", is_staff=True)
    for user in (author, signer):
        user.groups.add(Group.objects.get(name=EDITOR))
    return author, signer


def test_approving_for_later_queues_one_announcement_at_that_time(
    city, desk, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult, get_date_max

    settings.TASKS = DATABASE_TASKS
    author, signer = desk
    story = make_article(union=city, created_by=author, headline="明早八点发布的稿件")
    later = timezone.now() + datetime.timedelta(hours=10)
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=story, actor=author, notify=False)
        approve(article=story, actor=signer, publish_at=later, notify=False)
    # One task for that moment, whatever follows it (the 头条 here, the site's pages in news).
    waiting = DBTaskResult.objects.exclude(run_after=get_date_max()).get()
    assert waiting.task_path == "editorial.tasks.announce_fallen_due"
    assert waiting.status == "READY"
    assert waiting.run_after == later
    assert waiting.args_kwargs == {"args": [], "kwargs": {"article_id": story.pk}}


def test_the_task_records_the_lead_when_the_time_has_come(
    city, desk, django_capture_on_commit_callbacks
):
    author, signer = desk
    later = timezone.now() + datetime.timedelta(hours=10)
    # Every write commits, as in the desk's requests: the site's caches follow each commit.
    with django_capture_on_commit_callbacks(execute=True):
        earlier = make_article(union=city, status="published", headline="昨天的头条")
        story = make_article(union=city, created_by=author, headline="明早八点发布的稿件")
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=story, actor=author, notify=False)
        approve(article=story, actor=signer, publish_at=later, notify=False)
    # Until its time, the home page leads with the earlier story.
    assert FrontPageLead.objects.get(date=timezone.localdate()).article == earlier
    with time_machine.travel(later + datetime.timedelta(seconds=5)):
        assert announce_fallen_due.call(article_id=story.pk) == 0  # no listener failed
        # Idempotent: a second run (a retried attempt) changes nothing.
        assert announce_fallen_due.call(article_id=story.pk) == 0
        day = timezone.localdate()
        assert FrontPageLead.objects.filter(date=day).count() == 1
        assert FrontPageLead.objects.get(date=day).article == story


def test_a_task_for_a_story_taken_off_the_schedule_records_the_current_lead(
    city, desk, django_capture_on_commit_callbacks
):
    author, signer = desk
    earlier = make_article(union=city, status="published", headline="昨天的头条")
    story = make_article(union=city, created_by=author, headline="后来撤下排期的稿件")
    later = timezone.now() + datetime.timedelta(hours=10)
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=story, actor=author, notify=False)
        approve(article=story, actor=signer, publish_at=later, notify=False)
        unschedule(article=story, actor=signer)
    with time_machine.travel(later + datetime.timedelta(seconds=5)):
        announce_fallen_due.call(article_id=story.pk)
        assert FrontPageLead.objects.get(date=timezone.localdate()).article == earlier
