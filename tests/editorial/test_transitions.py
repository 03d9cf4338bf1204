"""Every workflow step × every role, through the admin's buttons: allowed or refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import (
    change_url,
    form_data,
    message_codes,
    messages_of,
    transition_url,
)

FORM_DATA = {
    "submit": {},
    "take_back": {},
    "return": {"reason": "导语需要补充时间和地点。"},
    "approve": {"when": "now"},
    "reschedule": {"when": "now"},
    "unschedule": {},
    "withdraw": {"reason": "当事单位要求核实数据。"},
}

RESULT = {
    "submit": ("review", ArticleEvent.Kind.SUBMITTED),
    "take_back": ("draft", ArticleEvent.Kind.TAKEN_BACK),
    "return": ("draft", ArticleEvent.Kind.RETURNED),
    "approve": ("published", ArticleEvent.Kind.APPROVED),
    "reschedule": ("published", ArticleEvent.Kind.RESCHEDULED),
    "unschedule": ("review", ArticleEvent.Kind.UNSCHEDULED),
    "withdraw": ("withdrawn", ArticleEvent.Kind.WITHDRAWN),
}

# (transition, the story's status before, who tries, allowed)
MATRIX = [
    ("submit", "draft", "author", True),
    ("submit", "draft", "other_reporter", False),
    ("submit", "draft", "editor", False),
    ("submit", "draft", "superuser", True),
    ("take_back", "review", "author", True),
    ("take_back", "review", "other_reporter", False),
    ("take_back", "review", "editor", False),
    ("take_back", "review", "superuser", True),
    ("return", "review", "author", False),
    ("return", "review", "other_reporter", False),
    ("return", "review", "editor", True),
    ("return", "review", "superuser", True),
    ("approve", "review", "author", False),
    ("approve", "review", "other_reporter", False),
    ("approve", "review", "editor", True),
    ("approve", "review", "superuser", True),
    ("reschedule", "scheduled", "author", False),
    ("reschedule", "scheduled", "editor", True),
    ("reschedule", "scheduled", "superuser", True),
    ("unschedule", "scheduled", "author", False),
    ("unschedule", "scheduled", "editor", True),
    ("unschedule", "scheduled", "superuser", True),
    ("withdraw", "published", "author", False),
    ("withdraw", "published", "other_reporter", False),
    ("withdraw", "published", "editor", True),
    ("withdraw", "published", "superuser", True),
    # The right person, the wrong status.
    ("submit", "review", "author", False),
    ("submit", "published", "editor", False),
    ("take_back", "draft", "author", False),
    ("take_back", "published", "author", False),
    ("return", "draft", "editor", False),
    ("return", "published", "editor", False),
    ("approve", "draft", "editor", False),
    ("approve", "published", "editor", False),
    ("approve", "withdrawn", "editor", False),
    ("reschedule", "published", "editor", False),
    ("unschedule", "published", "editor", False),
    ("withdraw", "scheduled", "editor", False),
    ("withdraw", "review", "editor", False),
    ("withdraw", "withdrawn", "editor", False),
]


def _story_in(status, story):
    if status == "scheduled":
        return story(status="published", publish_at=timezone.now() + timedelta(days=2))
    return story(status=status)


def _role_user(role, request):
    return request.getfixturevalue("reporter" if role == "author" else role)


@pytest.mark.parametrize(("name", "status", "role", "allowed"), MATRIX)
def test_transition_through_the_admin(name, status, role, allowed, request, story, login):
    article = _story_in(status, story)
    before = Article.objects.get(pk=article.pk)
    client = login(_role_user(role, request))

    page = client.get(change_url(article))
    # As the page's buttons do, the step carries the version of the story the user read.
    response = client.post(
        transition_url(article, name), {**FORM_DATA[name], "version": before.version}
    )

    assert response.status_code == 302
    article.refresh_from_db()
    events = list(ArticleEvent.objects.filter(article=article))
    if allowed:
        to_status, kind = RESULT[name]
        assert article.status == to_status
        assert [event.kind for event in events] == [kind]
        assert events[0].from_status == before.status
        assert events[0].to_status == to_status
        assert article.version == before.version + 1
        assert response.url == change_url(article)
        # The button for the step was on the story's page.
        assert transition_url(article, name) in page.content.decode()
    else:
        assert (article.status, article.publish_at, article.version) == (
            before.status,
            before.publish_at,
            before.version,
        )
        assert events == []
        # Says why: our refusal's code, or the admin's own "does not exist" for a hidden story.
        assert messages_of(response), "a refused step says why"
        if page.status_code == 200:
            assert transition_url(article, name) not in page.content.decode()


def test_refusal_explains_itself(story, editor, login):
    article = story(status="draft")
    response = login(editor).post(transition_url(article, "approve"), {"when": "now"}, follow=True)
    assert "desk-status--draft" in response.content.decode()
    assert message_codes(response) == ["wrong_status"]


def test_the_author_sees_only_the_steps_for_them(story, reporter, login):
    article = story(status="draft")
    page = login(reporter).get(change_url(article)).content.decode()
    assert transition_url(article, "submit") in page
    for name in ("take_back", "return", "approve", "reschedule", "unschedule", "withdraw"):
        assert transition_url(article, name) not in page


def test_an_editor_sees_the_review_steps(story, editor, login):
    article = story(status="review")
    page = login(editor).get(change_url(article)).content.decode()
    assert transition_url(article, "approve") in page
    assert transition_url(article, "return") in page
    assert transition_url(article, "take_back") not in page
    assert transition_url(article, "withdraw") not in page


def test_unknown_transition_is_404(story, editor, login):
    article = story(status="review")
    assert login(editor).post(transition_url(article, "publish_everything")).status_code == 404


def test_a_form_step_asks_first(story, editor, login):
    article = story(status="review")
    response = login(editor).get(transition_url(article, "return"))
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    article.refresh_from_db()
    assert article.status == "review"


def test_taking_a_refused_step_page_redirects_with_the_reason(story, reporter, login):
    article = story(status="review")
    response = login(reporter).get(transition_url(article, "approve"))
    assert response.status_code == 302
    # Publishing is the last level's signature, and the author never signs.
    assert message_codes(response) == ["author_signs"]


def test_a_photo_story_needs_a_credited_photo_before_review(story, reporter, login):
    article = story(status="draft", genre="photo")
    response = login(reporter).post(transition_url(article, "submit"))
    article.refresh_from_db()
    assert article.status == "draft"
    assert message_codes(response) == ["photo_required"]


def test_a_step_on_a_story_changed_since_it_was_read_is_refused(
    story, reporter, editor, login, django_capture_on_commit_callbacks, mailoutbox
):
    article = story(status="review", body="编辑读过的稿子。")
    editor_client = login(editor)
    page = editor_client.get(change_url(article)).content.decode()
    assert f"{transition_url(article, 'approve')}?version={article.version}" in page
    read_version = article.version

    # Meanwhile the author takes the story back, rewrites it and submits it again.
    reporter_client = login(reporter)
    reporter_client.post(transition_url(article, "take_back"))
    rewrite = form_data(reporter_client.get(change_url(article)))
    rewrite["body"] = ["未读过的新稿。"]
    reporter_client.post(change_url(article), rewrite)
    reporter_client.post(transition_url(article, "submit"))
    article.refresh_from_db()
    assert (article.status, article.body) == ("review", "未读过的新稿。")
    events_before = article.events.count()

    # The editor's approval, sent from the page they read, publishes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            transition_url(article, "approve"), {"when": "now", "version": read_version}
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "review"
    assert article.events.count() == events_before
    assert mailoutbox == []
    assert message_codes(response) == ["changed_meanwhile"]
    (message,) = messages_of(response)
    # It names who changed the story, and when.
    assert "陈雪" in message and str(timezone.localtime().year) in message

    # Opening the approval page from the stale story page says so at once.
    stale_form = editor_client.get(transition_url(article, "approve"), {"version": read_version})
    assert stale_form.status_code == 302
    assert set(message_codes(stale_form)) == {"changed_meanwhile"}

    # From the story as it is now, the approval goes through.
    fresh = editor_client.get(transition_url(article, "approve"), {"version": article.version})
    assert f'name="version" value="{article.version}"' in fresh.content.decode()
    editor_client.post(
        transition_url(article, "approve"), {"when": "now", "version": article.version}
    )
    article.refresh_from_db()
    assert article.is_published()


def test_a_garbled_version_is_ignored(story, editor, login):
    article = story(status="review")
    login(editor).post(transition_url(article, "approve"), {"when": "now", "version": "abc"})
    article.refresh_from_db()
    assert article.is_published()


def test_the_panel_says_what_each_step_does_and_what_comes_next(story, reporter, editor, login):
    draft = story(status="draft")
    page = login(reporter).get(change_url(draft)).content.decode()
    assert "稿件将交给编辑审核" in page  # what "submit" does, beside its button
    editor_page = login(editor).get(change_url(draft)).content.decode()
    assert "作者写好草稿后会提交审核" in editor_page

    in_review = story(status="review")
    page = login(reporter).get(change_url(in_review)).content.decode()
    assert "正在等待编辑审核" in page
    assert "重新成为您的草稿" in page  # beside the "take back" button

    published = story(status="published")
    page = login(reporter).get(change_url(published)).content.decode()
    assert "如需更正" in page


def test_the_timeline_tells_a_scheduling_from_a_publication(story, editor, login):
    article = story(status="review")
    later = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client = login(editor)
    client.post(transition_url(article, "approve"), {"when": "at", "publish_at": later})
    timeline = client.get(change_url(article)).content.decode().split("desk-timeline__list")[1]
    assert "→ 已排期" in timeline
