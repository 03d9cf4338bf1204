"""The day's 头条 is recorded from the home page's own choice when a step changes it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from editorial.services.transitions import approve, submit, withdraw
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
    earlier = make_article(union=city, status="published", headline="早些时候的稿件")
    story = make_article(union=city, created_by=editor, headline="今天的头条")
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=story, actor=editor, notify=False)
        approve(article=story, actor=editor, notify=False)
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
