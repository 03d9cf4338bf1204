"""Finding 11 (issue 15): a headline is one line; a newline no longer silently loses the email."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.editorial.helpers import change_url, form_data

ADD_URL = reverse("admin:articles_article_add")


@pytest.mark.parametrize("field", ["headline", "kicker", "subheadline"])
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\u2028"])
def test_a_line_break_in_a_title_is_a_form_error_that_keeps_the_text(
    story, reporter, login, field, line_break
):
    article = story(headline="原标题")
    client = login(reporter)
    data = form_data(client.get(change_url(article)))
    typed = f"第一行{line_break}Bcc: everyone@example.org"
    data[field] = [typed]

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()[field]
    assert [error.code for error in errors] == ["multiline"]
    assert "Bcc: everyone@example.org" in response.content.decode()  # the text is kept
    article.refresh_from_db()
    assert article.headline == "原标题"


def test_a_new_story_with_a_two_line_headline_is_refused(city, reporter, login):
    client = login(reporter)
    data = form_data(client.get(ADD_URL))
    data.update({"headline": ["上半句\n下半句"], "body": ["正文。"], "union": [str(city.pk)]})
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert not Article.objects.exists()
