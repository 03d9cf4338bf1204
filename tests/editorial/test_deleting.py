"""Finding 10 (issue 15): drafts with bylines and photos are deleted by the right people."""

import pytest
from django.urls import reverse

from articles.models import Article, Byline
from tests.news.helpers import make_photo


def delete_url(article):
    return reverse("admin:articles_article_delete", args=[article.pk])


def delete(client, article):
    page = client.get(delete_url(article))
    if page.status_code != 200:
        return page
    return client.post(delete_url(article), {"post": "yes"})


@pytest.fixture
def full_draft(story, media_root):
    article = story(status="draft", bylines=[("reporter", "陈雪"), ("photographer", "王志刚")])
    make_photo(article, is_lead=True)
    return article


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_reporter_deletes_their_own_draft_with_bylines_and_photos(full_draft, reporter, login):
    response = delete(login(reporter), full_draft)
    assert response.status_code == 302
    assert not Article.objects.filter(pk=full_draft.pk).exists()
    assert not Byline.objects.filter(article_id=full_draft.pk).exists()


def test_an_editor_deletes_anyones_draft(full_draft, editor, login):
    assert delete(login(editor), full_draft).status_code == 302
    assert not Article.objects.filter(pk=full_draft.pk).exists()


def test_a_reporter_cannot_delete_someone_elses_draft(full_draft, other_reporter, login):
    response = delete(login(other_reporter), full_draft)
    assert response.status_code in {302, 403, 404}
    assert Article.objects.filter(pk=full_draft.pk).exists()


@pytest.mark.parametrize("status", ["review", "published", "withdrawn"])
def test_a_story_past_draft_is_withdrawn_not_deleted(story, editor, login, status):
    article = story(status=status, bylines=[("reporter", "陈雪")])
    response = login(editor).post(delete_url(article), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
