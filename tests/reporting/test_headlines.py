"""The day's 头条 is recorded from the home page's own choice when a step changes it."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from editorial.services.transitions import approve, submit, unschedule, withdraw
from editorial.tasks import announce_fallen_due
from reporting import headlines
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


def test_a_weekend_without_a_step_keeps_fridays_lead_every_day(
    city, desk, django_capture_on_commit_callbacks
):
    """Nothing happened on Saturday and Sunday: Monday's first step records them too, with the
    lead that stayed on the home page, and the statistics' summary counts each day."""
    from reporting.models import DailyTally

    author, signer = desk
    friday = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=timezone.get_default_timezone())
    monday = friday + datetime.timedelta(days=3)
    for day, headline in ((friday, "周五的头条"), (monday, "周一的头条")):
        with (
            time_machine.travel(day, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            story = make_article(union=city, created_by=author, headline=headline)
            submit(article=story, actor=author, notify=False)
            approve(article=story, actor=signer, notify=False)
    days = dict(FrontPageLead.objects.values_list("date", "article__headline"))
    assert days == {
        datetime.date(2026, 11, 27): "周五的头条",
        datetime.date(2026, 11, 28): "周五的头条",
        datetime.date(2026, 11, 29): "周五的头条",
        datetime.date(2026, 11, 30): "周一的头条",
    }
    weekend = DailyTally.objects.filter(
        day__in=[datetime.date(2026, 11, 28), datetime.date(2026, 11, 29)]
    )
    assert sum(weekend.values_list("headlines", flat=True)) == 2


def test_a_lead_taken_off_on_a_day_without_a_new_one_is_not_carried_over(city):
    """The last recorded lead is no longer public: it was withdrawn on a day that had no lead,
    so the days after its record are not given to it."""
    old = make_article(
        union=city, status="withdrawn", publish_at=timezone.now() - datetime.timedelta(days=9)
    )
    FrontPageLead.objects.create(
        date=timezone.localdate() - datetime.timedelta(days=5), article=old
    )
    assert headlines.carry_over(timezone.localdate()) == []
    assert FrontPageLead.objects.count() == 1


def test_the_evening_command_also_records_the_days_before_it(city):
    story = make_article(
        union=city, status="published", publish_at=timezone.now() - datetime.timedelta(days=3)
    )
    today = timezone.localdate()
    FrontPageLead.objects.create(date=today - datetime.timedelta(days=3), article=story)
    call_command("record_lead_story", stdout=None)
    recorded = FrontPageLead.objects.filter(article=story).values_list("date", flat=True)
    assert sorted(recorded) == [today - datetime.timedelta(days=n) for n in (3, 2, 1, 0)]


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
