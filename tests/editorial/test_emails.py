"""Workflow emails: to the editors on submit, to the author on return and on publish."""

from datetime import timedelta

from django.utils import timezone

from tests.editorial.conftest import member
from tests.editorial.helpers import transition_url


def test_submit_emails_the_editors_after_commit(
    story, reporter, editor, second_editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    member("Editor", "noemail", email="")
    article = story(status="draft", headline="社区工会开展义诊")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        login(reporter).post(transition_url(article, "submit"))
    # Nothing is sent before the transaction commits.
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, second_editor.email]
    message = mailoutbox[0]
    assert "社区工会开展义诊" in message.subject
    assert "陈雪" in message.body
    assert f"/admin/articles/article/{article.pk}/change/" in message.body
    assert reporter.email not in [m.to[0] for m in mailoutbox]


def test_an_editor_submitting_is_not_emailed_about_it(
    story, editor, second_editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    article = story(status="draft", author=editor)
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(transition_url(article, "submit"))
    assert [m.to for m in mailoutbox] == [[second_editor.email]]


def test_return_emails_the_author_with_the_reason(
    story, reporter, editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    article = story(status="review", headline="劳模事迹报告会")
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(transition_url(article, "return"), {"reason": "请核实报告会的日期。"})
    (message,) = mailoutbox
    assert message.to == [reporter.email]
    assert "劳模事迹报告会" in message.subject
    assert "请核实报告会的日期。" in message.body
    assert "李明" in message.body


def test_publish_emails_the_author(
    story, reporter, editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    article = story(status="review", headline="职工书屋开放")
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(transition_url(article, "approve"), {"when": "now"})
    (message,) = mailoutbox
    assert message.to == [reporter.email]
    assert "职工书屋开放" in message.subject
    assert article.get_absolute_url() in message.body


def test_scheduling_emails_the_author_the_time(
    story, reporter, editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    article = story(status="review")
    at = (timezone.localtime() + timedelta(days=1)).replace(hour=9, minute=30)
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(
            transition_url(article, "approve"),
            {"when": "at", "publish_at": at.strftime("%Y-%m-%dT%H:%M")},
        )
    (message,) = mailoutbox
    assert "09:30" in message.body
    assert "Asia/Shanghai" in message.body


def test_a_refused_step_sends_nothing(
    story, reporter, login, mailoutbox, django_capture_on_commit_callbacks
):
    article = story(status="review")
    with django_capture_on_commit_callbacks(execute=True):
        login(reporter).post(transition_url(article, "approve"), {"when": "now"})
    assert mailoutbox == []


def test_an_author_without_email_gets_none(
    story, editor, login, mailoutbox, django_capture_on_commit_callbacks
):
    quiet = member("Reporter", "quiet", email="")
    article = story(status="review", author=quiet)
    with django_capture_on_commit_callbacks(execute=True):
        login(editor).post(transition_url(article, "approve"), {"when": "now"})
    assert mailoutbox == []
