"""Saved versions: the history, a side-by-side diff, and restoring (never the status)."""

from django.urls import reverse
from reversion.models import Version

from articles.models import Byline
from editorial.models import ArticleEvent
from tests.editorial.helpers import change_url, form_data, message_codes


def _save(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()


def _history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def _versions(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))


def test_each_save_is_a_version_listed_in_the_history(story, reporter, login):
    article = story(status="draft", body="第一稿。")
    client = login(reporter)
    _save(client, article, body="第二稿。")
    _save(client, article, body="第三稿。")
    versions = _versions(article)
    assert [v.field_dict["body"] for v in versions] == ["第二稿。", "第三稿。"]
    page = client.get(_history_url(article)).content.decode()
    for version in versions:
        assert f'value="{version.pk}"' in page


def test_diff_of_two_versions_side_by_side_escaped(story, reporter, login):
    article = story(status="draft", body="工会为职工办实事。")
    client = login(reporter)
    _save(client, article, body="工会为职工办实事。\n\n第二段<b>原样</b>。", headline="旧标题")
    _save(client, article, body="工会为农民工办实事。\n\n第二段<b>原样</b>。", headline="新标题")
    old, new = _versions(article)
    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"old": old.pk, "new": new.pk},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<del>职</del>" in page and "<ins>农民</ins>" in page
    assert "<del>旧</del>" in page and "<ins>新</ins>" in page
    assert "&lt;b&gt;原样&lt;/b&gt;" in page and "<b>原样</b>" not in page


def test_diff_with_the_story_now_and_bad_choices(story, reporter, login):
    article = story(status="draft", body="甲。")
    client = login(reporter)
    _save(client, article, body="乙。")
    (version,) = _versions(article)
    article.body = "丙。"
    article.save()
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    page = client.get(compare, {"old": version.pk, "new": "current"}).content.decode()
    assert "<del>乙</del>" in page and "<ins>丙</ins>" in page
    refused = client.get(compare, {"old": "999999", "new": "current"})
    assert refused.status_code == 302
    assert message_codes(refused) == ["versions_required"]


def test_restore_is_a_new_version_and_keeps_the_status(story, editor, login, client):
    article = story(status="published", body="准确的原稿。", headline="原标题")
    Byline.objects.create(article=article, role="reporter", name="陈雪")
    editor_client = login(editor)
    _save(editor_client, article, body="准确的原稿。")
    first = _versions(article)[0]
    _save(editor_client, article, body="改错了的稿子。", headline="错标题")
    article.bylines.all().delete()
    published_at, version_before = article.publish_at, article.version

    page = editor_client.get(
        reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    )
    assert page.status_code == 200
    diff = page.content.decode()
    # The story now on the left; the version restored, the target, on the right.
    assert "<del>错</del>标题" in diff and "<ins>原</ins>标题" in diff
    response = editor_client.post(
        reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.body, article.headline) == ("准确的原稿。", "原标题")
    assert list(article.bylines.values_list("role", "name")) == [("reporter", "陈雪")]
    assert (article.status, article.publish_at) == ("published", published_at)
    assert article.version == version_before + 1
    assert len(_versions(article)) == 3
    assert ArticleEvent.objects.filter(article=article, kind="restored").exists()
    assert "准确的原稿。" in client.get(article.get_absolute_url()).content.decode()


def test_restore_never_brings_back_an_old_status(story, reporter, editor, login):
    article = story(status="draft", body="草稿时的正文。")
    _save(login(reporter), article, body="草稿时的正文,改过。")
    draft_version = _versions(article)[0]
    assert draft_version.field_dict["status"] == "draft"
    login(reporter).post(reverse("admin:articles_article_transition", args=[article.pk, "submit"]))
    login(editor).post(
        reverse("admin:articles_article_transition", args=[article.pk, "approve"]),
        {"when": "now"},
    )
    login(editor).post(
        reverse("admin:articles_article_revision", args=[article.pk, draft_version.pk])
    )
    article.refresh_from_db()
    assert article.status == "published"
    assert article.body == "草稿时的正文,改过。"


def test_reporter_cannot_restore_a_story_in_review(story, reporter, login):
    article = story(status="draft", body="一稿。")
    client = login(reporter)
    _save(client, article, body="二稿。")
    (version,) = _versions(article)
    client.post(reverse("admin:articles_article_transition", args=[article.pk, "submit"]))
    _unchanged = article.version
    page = client.get(reverse("admin:articles_article_revision", args=[article.pk, version.pk]))
    assert page.status_code == 200
    assert 'type="submit"' not in page.content.decode().split('id="content-main"')[1]
    response = client.post(
        reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    )
    assert response.status_code == 302
    assert message_codes(response) == ["not_allowed"]
    article.refresh_from_db()
    assert article.status == "review"


def test_another_reporter_sees_no_history(story, reporter, other_reporter, login):
    article = story(status="draft")
    _save(login(reporter), article, body="改稿。")
    assert login(other_reporter).get(_history_url(article)).status_code == 302


def test_recovering_deleted_stories_is_off(editor, login):
    assert login(editor).get(reverse("admin:articles_article_recoverlist")).status_code == 403
