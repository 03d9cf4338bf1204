"""Finding 2 (issue 15): a preview link dies with its story, can be revoked, names its version."""

import re

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import change_url, form_data, transition_url
from tests.editorial.test_preview import _make_link


def revoke_forms(page):
    return re.findall(r'action="([^"]+/revoke/)"', page)


def test_a_link_stops_working_when_its_story_is_withdrawn(story, editor, login, client):
    article = story(status="published", headline="已发布的稿件")
    desk = login(editor)
    path = _make_link(desk, article)
    assert client.get(path).status_code == 200

    desk.post(transition_url(article, "withdraw"), {"reason": "数据有误。"})

    response = client.get(path)
    assert response.status_code == 410
    assert "已发布的稿件" not in response.content.decode()


def test_a_link_stops_working_when_its_story_is_deleted(story, editor, login, client):
    article = story(status="draft", headline="将删除的草稿")
    path = _make_link(login(editor), article)
    Article.objects.filter(pk=article.pk).delete()
    response = client.get(path)
    assert response.status_code == 404
    assert "将删除的草稿" not in response.content.decode()


def test_the_storys_page_lists_live_links_and_revokes_one(story, editor, login, client):
    article = story(status="review", headline="待审稿件")
    desk = login(editor)
    first, second = _make_link(desk, article), _make_link(desk, article)

    page = desk.get(change_url(article)).content.decode()
    forms = revoke_forms(page)
    assert len(forms) == 2
    assert "李明" in page  # who made them

    response = desk.post(forms[-1])  # the older link comes last
    assert response.status_code == 302
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200
    assert len(revoke_forms(desk.get(change_url(article)).content.decode())) == 1
    assert ArticleEvent.objects.filter(article=article, kind="preview_revoked").count() == 1


def test_reporters_see_no_links_and_cannot_revoke(story, editor, reporter, login, client):
    article = story(status="review")
    path = _make_link(login(editor), article)
    forms = revoke_forms(login(editor).get(change_url(article)).content.decode())
    reporter_client = login(reporter)
    assert revoke_forms(reporter_client.get(change_url(article)).content.decode()) == []
    reporter_client.post(forms[0])
    assert client.get(path).status_code == 200


def test_the_link_says_which_version_it_shows(story, editor, login, client):
    article = story(status="draft", headline="第一稿")
    desk = login(editor)
    path = _make_link(desk, article)
    made_at = Article.objects.get(pk=article.pk).version
    assert f"第 {made_at} 版" in client.get(path).content.decode()

    data = form_data(desk.get(change_url(article)))
    data["headline"] = ["第二稿"]
    assert desk.post(change_url(article), data).status_code == 302

    page = client.get(path).content.decode()
    assert "第二稿" in page
    assert f"第 {made_at + 1} 版" in page
    assert f"生成后稿件已修改（生成时为第 {made_at} 版）" in page
