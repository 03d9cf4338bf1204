"""Editing through the admin: who edits what, optimistic locking, corrections, status safety."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import change_url, changelist_url, form_data, messages_of

ADD_URL = reverse("admin:articles_article_add")


def _edit(client, article, **changes):
    """Opens the story's page and saves it with changes, as a browser would."""
    data = form_data(client.get(change_url(article)))
    data.update({name: [value] for name, value in changes.items()})
    return client.post(change_url(article), data)


def test_every_save_raises_the_version(story, reporter, login):
    article = story(status="draft")
    client = login(reporter)
    for expected, text in ((2, "改过一次。"), (3, "改过两次。")):
        response = _edit(client, article, body=text)
        assert response.status_code == 302
        article.refresh_from_db()
        assert (article.version, article.body) == (expected, text)


def test_a_byline_added_alone_is_an_edit_and_raises_the_version(story, editor, login):
    """Only a row of the bylines changed: the story's copy did, so a save made by someone who
    read it before is told so (records apps keep beside the story do not count)."""
    article = story(status="review")
    client = login(editor)
    data = form_data(client.get(change_url(article)))
    index = int(data["bylines-TOTAL_FORMS"][0]) - 1
    data[f"bylines-{index}-role"] = ["reporter"]
    data[f"bylines-{index}-name"] = ["陈雪"]
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.version == 2
    assert list(article.bylines.values_list("name", flat=True)) == ["陈雪"]

    unchanged = form_data(client.get(change_url(article)))
    assert client.post(change_url(article), unchanged).status_code == 302
    article.refresh_from_db()
    assert article.version == 2  # a save that changes nothing is not a new version


def test_second_concurrent_save_is_refused_and_keeps_the_text(story, editor, second_editor, login):
    article = story(status="review", body="原稿。")
    first, second = login(editor), login(second_editor)
    first_form = form_data(first.get(change_url(article)))
    second_form = form_data(second.get(change_url(article)))

    first_form["body"] = ["李明的改稿。"]
    assert first.post(change_url(article), first_form).status_code == 302

    second_form["body"] = ["赵丽的改稿,一个字也不能丢。"]
    refused = second.post(change_url(article), second_form)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "李明" in page  # who saved in between
    assert str(timezone.localtime().year) in page  # and when
    assert "赵丽的改稿,一个字也不能丢。" in page  # the refused text is still in the form
    article.refresh_from_db()
    assert article.body == "李明的改稿。"

    # Having read the message, saving again deliberately replaces the other version.
    again = second.post(change_url(article), form_data(refused))
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.body == "赵丽的改稿,一个字也不能丢。"
    assert article.version == 3


def test_a_workflow_step_in_between_also_refuses_the_stale_save(
    story, editor, second_editor, login
):
    article = story(status="review")
    stale = form_data(login(second_editor).get(change_url(article)))
    login(editor).post(
        reverse("admin:articles_article_transition", args=[article.pk, "return"]),
        {"reason": "退回重写。"},
    )
    stale["body"] = ["过时的改稿。"]
    response = login(second_editor).post(change_url(article), stale)
    assert response.status_code == 200
    assert "李明" in response.content.decode()
    article.refresh_from_db()
    assert article.body != "过时的改稿。"
    assert article.status == "draft"


def test_story_left_editable_status_shows_the_text_back(story, reporter, login):
    article = story(status="draft")
    client = login(reporter)
    stale = form_data(client.get(change_url(article)))
    client.post(reverse("admin:articles_article_transition", args=[article.pk, "submit"]))
    stale["body"] = ["提交后才写完的段落。"]
    response = client.post(change_url(article), stale)
    assert response.status_code == 409
    assert "提交后才写完的段落。" in response.content.decode()
    article.refresh_from_db()
    assert article.body != "提交后才写完的段落。"


def test_reporter_reads_but_cannot_edit_own_story_in_review(story, reporter, login):
    article = story(status="review")
    page = login(reporter).get(change_url(article))
    assert page.status_code == 200
    assert 'name="body"' not in page.content.decode()
    assert reverse("admin:articles_article_transition", args=[article.pk, "take_back"]) in (
        page.content.decode()
    )


def test_reporter_cannot_edit_published_but_editor_corrects_it(story, reporter, editor, login):
    article = story(status="published", body="原来的数字是300。")
    assert 'name="body"' not in login(reporter).get(change_url(article)).content.decode()

    client = login(editor)
    assert 'name="correction_note"' in client.get(change_url(article)).content.decode()
    response = _edit(
        client, article, body="正确的数字是350。", correction_note="本文原稿数字有误,已更正。"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "正确的数字是350。"
    assert article.status == "published"
    event = ArticleEvent.objects.get(article=article)
    assert (event.kind, event.reason, event.actor) == (
        "corrected",
        "本文原稿数字有误,已更正。",
        editor,
    )
    timeline = client.get(change_url(article)).content.decode()
    assert "本文原稿数字有误,已更正。" in timeline


def test_withdrawn_story_is_read_only(story, editor, login):
    article = story(status="withdrawn", publish_at=timezone.now() - timedelta(days=1))
    page = login(editor).get(change_url(article)).content.decode()
    assert 'name="body"' not in page


def test_reporter_sees_and_opens_only_own_stories(story, reporter, other_reporter, login):
    own = story(status="draft", headline="我的稿子")
    theirs = story(status="draft", headline="别人的稿子", author=other_reporter)
    client = login(reporter)
    listing = client.get(changelist_url()).content.decode()
    assert "我的稿子" in listing and "别人的稿子" not in listing
    response = client.get(change_url(theirs))
    assert response.status_code == 302
    response = client.post(change_url(theirs), {"body": "篡改"})
    theirs.refresh_from_db()
    assert theirs.body != "篡改"
    assert client.get(change_url(own)).status_code == 200


def test_status_cannot_be_posted(story, reporter, login):
    article = story(status="draft")
    response = _edit(login(reporter), article, status="published", publish_at="2020-01-01 00:00")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.publish_at) == ("draft", None)


def test_reporter_files_and_submits_in_one_go(city, reporter, editor, login):
    client = login(reporter)
    data = form_data(client.get(ADD_URL))
    data.update(
        {
            "union": [str(city.pk)],
            "genre": ["news"],
            "headline": ["劳模工作室揭牌"],
            "body": ["近日,劳模工作室揭牌。\n\n第二段。"],
            "_save_and_submit": ["保存并提交"],
        }
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302
    article = Article.objects.get(headline="劳模工作室揭牌")
    assert (article.status, article.created_by) == ("review", reporter)
    kinds = list(article.events.order_by("created_at", "pk").values_list("kind", flat=True))
    assert kinds == ["created", "submitted"]
    assert len(messages_of(response)) == 2


def test_new_story_form_errors_keep_the_text(city, reporter, login):
    client = login(reporter)
    data = form_data(client.get(ADD_URL))
    data.update({"union": [str(city.pk)], "headline": [""], "body": ["写了很长的正文。"]})
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "写了很长的正文。" in response.content.decode()
    assert not Article.objects.exists()


def test_drafts_only_are_deleted(story, reporter, login):
    draft = story(status="draft")
    in_review = story(status="review")
    client = login(reporter)
    delete = "admin:articles_article_delete"
    assert client.get(reverse(delete, args=[in_review.pk])).status_code == 403
    assert client.post(reverse(delete, args=[draft.pk]), {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()
    assert Article.objects.filter(pk=in_review.pk).exists()


def test_no_bulk_delete(story, editor, login):
    story(status="draft")
    assert "delete_selected" not in login(editor).get(changelist_url()).content.decode()


def test_correction_note_is_shown_on_the_public_page(story, editor, login, client):
    article = story(status="published", body="参会职工300人。")
    assert "更正" not in client.get(article.get_absolute_url()).content.decode()
    _edit(login(editor), article, body="参会职工350人。", correction_note="原稿人数有误，已更正。")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "参会职工350人。" in page
    assert "原稿人数有误，已更正。" in page


def test_saving_a_published_story_unchanged_records_no_correction(story, editor, login):
    article = story(status="published")
    response = _edit(login(editor), article)
    assert response.status_code == 302
    assert not ArticleEvent.objects.filter(article=article).exists()


def test_a_byline_change_on_a_published_story_is_a_correction(story, editor, login):
    article = story(status="published", bylines=[("reporter", "陈雪")])
    response = _edit(login(editor), article, **{"bylines-0-name": "陈雪梅"})
    assert response.status_code == 302
    assert list(article.bylines.values_list("name", flat=True)) == ["陈雪梅"]
    assert ArticleEvent.objects.get(article=article).kind == "corrected"


def test_editing_a_scheduled_story_is_no_correction(story, editor, login):
    article = story(status="published", publish_at=timezone.now() + timedelta(days=1))
    client = login(editor)
    assert 'name="correction_note"' not in client.get(change_url(article)).content.decode()
    response = _edit(client, article, body="见报前改好的稿。")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "见报前改好的稿。"
    assert article.is_scheduled()
    assert not ArticleEvent.objects.filter(article=article).exists()


def test_a_reporter_sees_only_bylines_of_own_stories(story, reporter, other_reporter, login):
    story(headline="我的稿子", bylines=[("reporter", "陈雪")])
    story(headline="别人的草稿", author=other_reporter, bylines=[("reporter", "王志刚")])
    listing = login(reporter).get(reverse("admin:articles_byline_changelist")).content.decode()
    assert "我的稿子" in listing
    assert "别人的草稿" not in listing and "王志刚" not in listing


def test_a_reporter_cannot_reach_another_reporters_story_by_any_desk_address(
    story, reporter, other_reporter, login
):
    theirs = story(headline="别人的草稿", author=other_reporter)
    client = login(reporter)
    addresses = [
        reverse("admin:articles_article_history", args=[theirs.pk]),
        reverse("admin:articles_article_compare", args=[theirs.pk]) + "?old=current",
        reverse("admin:articles_article_revision", args=[theirs.pk, 1]),
        reverse("admin:articles_article_delete", args=[theirs.pk]),
        reverse("admin:articles_article_transition", args=[theirs.pk, "submit"]),
        reverse("editorial:preview", args=[theirs.pk]),
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code in (302, 404), address
        assert "别人的草稿" not in response.content.decode()
    autocomplete = client.get(
        "/admin/autocomplete/",
        {"app_label": "photos", "model_name": "photo", "field_name": "article", "term": "别人"},
    )
    assert autocomplete.json()["results"] == []
    client.post(reverse("admin:articles_article_transition", args=[theirs.pk, "submit"]))
    theirs.refresh_from_db()
    assert theirs.status == "draft"


def test_the_story_page_names_its_author(story, editor, login):
    article = story()
    page = login(editor).get(change_url(article)).content.decode()
    assert "陈雪" in page.split('class="form-row field-author_display"')[1][:400]
