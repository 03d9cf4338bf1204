"""Finding 9 (issue 15): a NUL character in a form or filter is a 400, never a 500."""

import pytest
from django.test import Client

from tests.editorial.helpers import change_url, form_data
from tests.factories import make_article, make_user


@pytest.fixture
def desk(db):
    client = Client(raise_request_exception=False)
    client.force_login(make_user("boss", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/?status=pub\x00lished",
        "/admin/articles/article/?themes__slug=a\x00",
        "/admin/articles/article/?q=a\x00b",
        "/admin/autocomplete/?term=a\x00b&app_label=articles&model_name=article&field_name=union",
        "/admin/photos/photo/?q=\x00",
    ],
)
def test_a_nul_in_a_filter_or_search_term_is_a_bad_request(desk, url):
    response = desk.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.parametrize("field", ["column", "union", "bylines-0-user", "headline"])
def test_a_nul_in_a_story_form_field_is_a_bad_request_and_saves_nothing(desk, city, field):
    article = make_article(union=city, headline="原标题")
    data = form_data(desk.get(change_url(article)))
    data[field] = ["1\x00"]

    response = desk.post(change_url(article), data)

    assert response.status_code == 400
    article.refresh_from_db()
    assert article.headline == "原标题"


def test_files_may_hold_nul_bytes(desk, city):
    """Only form fields are looked at: a photo is mostly NUL bytes and zeros."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.photos.test_attack_findings import transparent_png

    article = make_article(union=city)
    response = desk.post(
        "/admin/photos/photo/add/",
        {
            "article": article.pk,
            "image": SimpleUploadedFile("logo.png", transparent_png(64, 64)),
            "caption": "标志",
            "credit": "本报",
            "alt_text": "标志",
            "position": "0",
        },
    )
    assert response.status_code == 302
