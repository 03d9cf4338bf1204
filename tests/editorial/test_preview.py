"""Previews: the public page before publication, for the desk and for signed links."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from editorial.models import ArticleEvent
from tests.editorial.helpers import message_codes


def _preview_url(article):
    return reverse("editorial:preview", args=[article.pk])


def _assert_private_preview(response, headline):
    assert response.status_code == 200
    page = response.content.decode()
    assert headline in page
    assert '<meta name="robots" content="noindex">' in page
    assert "noindex" in response["X-Robots-Tag"]
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "no-store" in cache_control
    assert "private" in cache_control


def test_author_previews_own_draft(story, reporter, login):
    article = story(status="draft", headline="草稿预览")
    _assert_private_preview(login(reporter).get(_preview_url(article)), "草稿预览")


def test_editor_previews_any_story(story, editor, login):
    article = story(status="review", headline="待审预览")
    _assert_private_preview(login(editor).get(_preview_url(article)), "待审预览")


def test_other_reporter_gets_404(story, other_reporter, login):
    article = story(status="draft")
    assert login(other_reporter).get(_preview_url(article)).status_code == 404


def test_anonymous_visitor_gets_404_with_a_way_in_for_the_desk(story, client):
    article = story(status="draft", headline="不能公开")
    response = client.get(_preview_url(article))
    assert response.status_code == 404
    page = response.content.decode()
    assert "不能公开" not in page
    assert '<meta name="robots" content="noindex">' in page
    assert "no-store" in response["Cache-Control"]
    # A desk member whose session ended finds the login, which brings them back here.
    assert f"{reverse('admin:login')}?next=%2Feditorial%2Fpreview%2F{article.pk}%2F" in page
    # The same answer for a story that does not exist: nothing is revealed.
    missing = client.get(reverse("editorial:preview", args=[999999]))
    assert missing.status_code == 404
    assert missing.content.decode().replace("999999", str(article.pk)) == page


def test_missing_story_is_404_for_the_desk(editor, login):
    assert login(editor).get(reverse("editorial:preview", args=[999999])).status_code == 404


def test_change_page_links_the_preview(story, reporter, login):
    article = story(status="draft")
    page = login(reporter).get(reverse("admin:articles_article_change", args=[article.pk]))
    assert _preview_url(article) in page.content.decode()


def _make_link(client, article):
    response = client.post(reverse("admin:articles_article_preview_link", args=[article.pk]))
    assert response.status_code == 200
    link = response.context["preview_link"]
    assert link in response.content.decode()
    return link[link.index("/editorial/") :]


def test_editor_hands_out_a_signed_link_that_works_without_an_account(story, editor, login, client):
    article = story(status="review", headline="给审稿人看")
    path = _make_link(login(editor), article)
    response = client.get(path)
    _assert_private_preview(response, "给审稿人看")
    assert response["Referrer-Policy"] == "no-referrer"
    assert ArticleEvent.objects.filter(article=article, kind="preview_shared").exists()


def test_signed_link_expires_after_three_days(story, editor, login, client):
    article = story(status="review")
    path = _make_link(login(editor), article)
    with time_machine.travel(timezone.now() + timedelta(days=2, hours=23)):
        assert client.get(path).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        response = client.get(path)
    assert response.status_code == 403
    assert "noindex" in response["X-Robots-Tag"]
    assert response.context["title"]


def test_signed_link_lifetime_follows_the_setting(story, editor, login, client, settings):
    settings.PREVIEW_LINK_MAX_AGE = 60
    article = story(status="review")
    path = _make_link(login(editor), article)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert client.get(path).status_code == 403


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.replace(token.split(":")[0], "eyJhcnRpY2xlIjo5OTl9"),
        lambda token: "not-a-token",
    ],
)
def test_tampered_link_is_refused(story, editor, login, client, tamper):
    article = story(status="review", headline="机密草稿")
    path = _make_link(login(editor), article)
    token = path.rstrip("/").rsplit("/", 1)[1]
    response = client.get(reverse("editorial:shared_preview", args=[tamper(token)]))
    assert response.status_code == 404
    assert "机密草稿" not in response.content.decode()
    assert response.context["message"]


def test_link_to_a_deleted_story(story, editor, login, client):
    article = story(status="draft")
    path = _make_link(login(editor), article)
    article.delete()
    assert client.get(path).status_code == 404


def test_reporters_cannot_hand_out_links(story, reporter, login):
    article = story(status="draft")
    client = login(reporter)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    link_url = reverse("admin:articles_article_preview_link", args=[article.pk])
    assert link_url not in page.content.decode()
    response = client.post(link_url)
    assert response.status_code == 302
    assert message_codes(response) == ["not_allowed"]
    assert not ArticleEvent.objects.filter(kind="preview_shared").exists()
