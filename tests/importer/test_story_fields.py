"""The editor's note and the dateline the importer reads: on the story page before the body,
and in the admin's story form."""

import pytest
from django.contrib.auth.models import Permission

from articles.models import Article
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def test_the_story_page_shows_the_editors_note_before_the_body_and_the_long_dateline(
    client, cities
):
    article = make_article(
        union=cities["合肥"],
        status=Article.Status.PUBLISHED,
        headline="两节送温暖",
        editors_note="送温暖活动年年办，今年有新意。<b>加粗</b>",
        is_staff_report=True,
        dateline="合肥1月20日",
        body="1月19日，送温暖活动启动。",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('class="story-body"')[1]
    assert body.index("编者按：") < body.index("1月19日，送温暖活动启动。")
    assert "本报合肥1月20日讯" in html
    assert "&lt;b&gt;加粗&lt;/b&gt;" in html  # escaped like everything typed


def test_a_staff_report_without_a_dateline_reads_benbaoxun():
    assert Article(is_staff_report=True).dateline_text == "本报讯"
    assert (
        Article(is_staff_report=True, dateline="合肥4月13日").dateline_text == "本报合肥4月13日讯"
    )
    assert Article(is_staff_report=False, dateline="合肥4月13日").dateline_text == ""


def test_the_admin_form_has_the_editors_note_and_the_dateline(client, cities):
    admin = make_user("chief", is_staff=True, is_superuser=True)
    client.force_login(admin)
    article = make_article(union=cities["合肥"], editors_note="按语一句。", dateline="合肥4月13日")
    html = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert 'name="editors_note"' in html and "按语一句。" in html
    assert 'name="dateline"' in html and 'value="合肥4月13日"' in html
    assert Permission.objects.filter(codename="review_article").exists()
