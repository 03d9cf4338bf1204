"""Drill and finding 11: with the mail server down, steps commit and the timeline says who was
not told."""

import pytest
from django.core import mail

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import change_url, transition_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.faults.broken_email.MailServerDown"


def test_a_submission_commits_and_the_failed_email_is_in_the_timeline(
    mail_server_down, story, reporter, editor, login, django_capture_on_commit_callbacks
):
    article = story(status="draft", headline="夜校开课")
    desk = login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(transition_url(article, "submit"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert mail.outbox == []
    failures = ArticleEvent.objects.filter(
        article=article, kind=ArticleEvent.Kind.NOTIFICATION_FAILED
    )
    assert failures.count() == 4  # every attempt, the last one saying it was the last
    timeline = desk.get(change_url(article)).content.decode()
    assert "邮件未发送" in timeline
    assert "Connection refused by smtp.example.org" in timeline
    assert "第 4 次，共 4 次" in timeline


def test_an_email_that_goes_out_leaves_no_failure(
    story, reporter, editor, login, django_capture_on_commit_callbacks
):
    article = story(status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        login(reporter).post(transition_url(article, "submit"))
    assert len(mail.outbox) == 1
    assert not ArticleEvent.objects.filter(kind=ArticleEvent.Kind.NOTIFICATION_FAILED).exists()
