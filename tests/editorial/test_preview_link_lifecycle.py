"""Finding 2 (issue 15): a preview link dies with its story, can be revoked, names its version."""

import re

from reversion.models import Version

from articles.models import Article
from editorial.formatting import local_time
from editorial.models import ArticleEvent, PreviewLink
from tests.editorial.helpers import change_url, form_data, transition_url
from tests.editorial.test_preview import _make_link


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


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


def _edit(desk, article, **changes):
    data = form_data(desk.get(change_url(article)))
    for name, value in changes.items():
        data[name] = [value]
    response = desk.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _saved_at(link):
    return local_time(link.shown_version.revision.date_created)


def test_the_link_shows_the_version_it_was_made_for_after_a_rewrite(story, editor, login, client):
    article = story(
        status="draft",
        headline="第一稿标题",
        body="第一稿正文。",
        bylines=[("reporter", "陈雪")],
    )
    desk = login(editor)
    path = _make_link(desk, article)
    link = PreviewLink.objects.get()
    first = client.get(path)
    assert first.status_code == 200
    page = text_of(first)
    assert "第一稿标题" in page and "第一稿正文。" in page and "陈雪" in page
    assert f"此链接显示的是 {_saved_at(link)} 保存的版本。" in page
    assert "此后稿件已有修改" not in page

    _edit(desk, article, headline="第二稿标题", body="第二稿正文。")
    assert Article.objects.get(pk=article.pk).headline == "第二稿标题"

    later = client.get(path)
    assert later.status_code == 200
    page = text_of(later)
    assert "第一稿标题" in page and "第一稿正文。" in page and "陈雪" in page
    assert "第二稿" not in later.content.decode()  # the newer text is never revealed
    assert f"此链接显示的是 {_saved_at(link)} 保存的版本。" in page
    assert "此后稿件已有修改，此链接不显示这些修改" in page

    # A new link shows the new version, without the note.
    newer = client.get(_make_link(desk, article))
    assert "第二稿标题" in text_of(newer) and "此后稿件已有修改" not in text_of(newer)


def test_the_storys_page_says_which_version_each_link_shows(story, editor, login):
    article = story(status="draft", headline="第一稿标题")
    desk = login(editor)
    _make_link(desk, article)
    link = PreviewLink.objects.get()
    page = text_of(desk.get(change_url(article)))
    assert f"{_saved_at(link)} 保存的版本" in page
    assert "此后稿件已修改" not in page

    _edit(desk, article, headline="第二稿标题")
    page = text_of(desk.get(change_url(article)))
    assert f"{_saved_at(link)} 保存的版本" in page and "此后稿件已修改" in page


def test_a_link_made_after_a_workflow_step_pins_the_copy_without_a_new_version(
    story, editor, reporter, login, client
):
    """Steps change a story without saving a version: the link reuses the newest version when
    its copy is the story's copy, and saves one (saying why) when there is none."""
    article = story(status="draft", headline="无版本的稿件")
    assert not Version.objects.get_for_object(article).exists()
    desk = login(editor)
    _make_link(desk, article)
    [saved] = Version.objects.get_for_object(article)
    assert saved.revision.get_comment() == "生成预览链接时保存的版本。"
    _make_link(desk, article)
    assert Version.objects.get_for_object(article).count() == 1
    assert PreviewLink.objects.filter(shown_version=saved).count() == 2


def test_a_link_whose_version_is_no_longer_kept_shows_nothing(story, editor, login, client):
    """The history can be pruned (reversion's deleterevisions): such a link answers 404 and
    never falls back to the story's current text, which it was not made for."""
    article = story(status="draft", headline="历史已清理的稿件")
    path = _make_link(login(editor), article)
    Version.objects.get_for_object(article).delete()
    assert PreviewLink.objects.get().shown_version is None

    response = client.get(path)
    assert response.status_code == 404
    assert "历史已清理的稿件" not in response.content.decode()
    assert "此链接对应的稿件版本已不在历史记录中" in text_of(response)


def test_a_pinned_link_still_dies_on_withdraw_and_revoke(story, editor, login, client):
    article = story(status="published", headline="已发布的稿件")
    desk = login(editor)
    path = _make_link(desk, article)
    _edit(desk, article, headline="更正后的标题", correction_note="标题有误，已更正。")
    assert Article.objects.get(pk=article.pk).correction_note == "标题有误，已更正。"
    page = text_of(client.get(path))
    assert "已发布的稿件" in page
    assert "更正后的标题" not in page and "标题有误" not in page
    desk.post(transition_url(article, "withdraw"), {"reason": "数据有误。"})
    assert client.get(path).status_code == 410
