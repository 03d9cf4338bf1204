"""The 来稿 queue: editors accept a filing as a draft or decline it; the correspondent sees it."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from articles.models import Byline
from correspondents import rules, services
from correspondents.models import Correspondent, Filing
from editorial.services.transitions import approve, submit
from tests.correspondents.conftest import filing_data, jpeg_upload
from tests.factories import make_user

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correspondents/filing/"


@pytest.fixture
def filing(client, link, county):
    data = filing_data(county, genre="photo", caption_1="工地送清凉")
    data["photo_1"] = jpeg_upload()
    assert client.post(link, data).status_code == 302
    return Filing.objects.get()


def decide(client, filing, step, data):
    return client.post(reverse("admin:correspondents_filing_decide", args=[filing.pk, step]), data)


def test_the_queue_lists_new_filings_with_correspondent_and_union(editor_client, filing):
    page = editor_client.get(QUEUE).content.decode()
    assert "泗县总工会开展夏送清凉活动" in page and "黄元明" in page and "泗县总工会" in page
    detail = editor_client.get(reverse("admin:correspondents_filing_change", args=[filing.pk]))
    text = detail.content.decode()
    assert "13800000000" in text  # editors see the contact details
    assert "采用并生成草稿" in text and "按此理由退稿" in text


def test_reporters_see_neither_queue_nor_registry(reporter, filing):
    client = Client()
    client.force_login(reporter)
    assert client.get(QUEUE).status_code == 403
    assert client.get("/admin/correspondents/correspondent/").status_code == 403
    assert decide(client, filing, "decline", {"reason": "不行"}).status_code == 403
    assert Filing.objects.get().state == Filing.State.RECEIVED


def test_accepting_files_a_draft_with_bylines_and_photos(
    editor_client, editor, second_editor, filing, link, client, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(editor_client, filing, "accept", {"assignee": editor.pk})
    filing.refresh_from_db()
    article = filing.article
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == "draft" and article.created_by == editor
    assert article.union == filing.union and article.genre == "photo"
    assert [(b.role, b.name) for b in article.bylines.all()] == [
        (Byline.Role.CORRESPONDENT, "黄元明"),
        (Byline.Role.CORRESPONDENT, "沈春"),
        (Byline.Role.CORRESPONDENT, "李宗泰"),
    ]
    photo = article.photos.get()
    assert photo.is_lead and photo.caption == "工地送清凉" and photo.credit == "黄元明"
    assert article.events.filter(kind="created").exists()
    assert "编辑中" in client.get(link).content.decode()
    assert "编辑中" in mail.outbox[-1].subject

    # The desk publishes it; the correspondent's page links to the public story.
    with django_capture_on_commit_callbacks(execute=True):
        submit(article=article, actor=editor, notify=False)
        approve(article=article, actor=second_editor, notify=False)
    page = client.get(link).content.decode()
    assert "已采用" in page and f'href="{article.get_absolute_url()}"' in page
    assert any(
        "已采用" in message.subject and message.to == ["huang@example.org"]
        for message in mail.outbox
    )


def test_accepting_twice_is_refused(editor_client, editor, filing):
    decide(editor_client, filing, "accept", {"assignee": editor.pk})
    response = decide(editor_client, filing, "accept", {"assignee": editor.pk})
    assert response.status_code == 302
    assert "已经处理过了" in editor_client.get(response["Location"]).content.decode()
    assert Filing.objects.get().article is not None
    from articles.models import Article

    assert Article.objects.count() == 1


def test_declining_needs_a_reason_and_the_correspondent_reads_it(
    editor_client, filing, client, link, django_capture_on_commit_callbacks
):
    response = decide(editor_client, filing, "decline", {"reason": "  "})
    assert response.status_code == 302
    assert "这个字段是必填项" in editor_client.get(response["Location"]).content.decode()
    assert Filing.objects.get().state == Filing.State.RECEIVED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor_client, filing, "decline", {"reason": "内容与上周来稿重复"})
    filing.refresh_from_db()
    assert filing.state == Filing.State.DECLINED and filing.article is None
    page = client.get(link).content.decode()
    assert "未采用" in page and "内容与上周来稿重复" in page
    assert "内容与上周来稿重复" in mail.outbox[0].body


def test_declining_deletes_the_photos_and_their_files(
    editor_client, filing, media_root, django_capture_on_commit_callbacks
):
    from photos.models import Photo
    from photos.tasks import make_renditions

    photo = Photo.objects.get(filing_photo__filing=filing)
    make_renditions.call(photo.pk, photo.image.name)
    files = [media_root / name for name in photo.stored_names() if name]
    existing = [path for path in files if path.exists()]
    assert media_root / photo.image.name in existing and len(existing) > 1  # and renditions
    with django_capture_on_commit_callbacks(execute=True):
        decide(editor_client, filing, "decline", {"reason": "照片与稿件无关"})
    filing.refresh_from_db()
    assert filing.state == Filing.State.DECLINED
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not filing.filing_photos.exists()
    assert not any(path.exists() for path in files)
    # The filing itself stays, with its text and reason, for the correspondent's page.
    assert filing.headline and filing.decline_reason == "照片与稿件无关"


def test_the_registry_shows_the_link_as_a_qr_code_and_reissues_it(
    editor_client, correspondent, client
):
    old = services.links.path_for(correspondent)
    page = editor_client.get(
        reverse("admin:correspondents_correspondent_change", args=[correspondent.pk])
    ).content.decode()
    assert "data:image/svg+xml" in page and old in page
    card = editor_client.get(
        reverse("admin:correspondents_correspondent_card", args=[correspondent.pk])
    )
    assert card.status_code == 200 and "data:image/svg+xml" in card.content.decode()
    editor_client.post(
        reverse("admin:correspondents_correspondent_link", args=[correspondent.pk, "issue"])
    )
    correspondent.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(services.links.path_for(correspondent)).status_code == 200
    editor_client.post(
        reverse("admin:correspondents_correspondent_link", args=[correspondent.pk, "revoke"])
    )
    correspondent.refresh_from_db()
    assert not correspondent.has_link


def test_a_new_correspondent_gets_a_link_on_saving(editor_client, county):
    response = editor_client.post(
        "/admin/correspondents/correspondent/add/",
        {"name": "王志刚", "union": county.pk, "since": "2026-01-05", "is_active": "on"},
    )
    assert response.status_code == 302
    assert Correspondent.objects.get(name="王志刚").has_link


def test_a_correspondent_with_an_account_files_logged_in_and_sees_only_their_own(
    county, correspondent
):
    user = make_user("tongxunyuan")
    user.groups.add(rules.ensure_group())
    mine = Correspondent.objects.create(name="沈春", union=county, user=user)
    Filing.objects.create(
        correspondent=correspondent, union=county, headline="别人的来稿", body="x"
    )
    client = Client()
    assert client.get("/correspondents/file/").status_code == 302  # to the login page
    client.force_login(user)
    assert client.post("/correspondents/file/", filing_data(county)).status_code == 302
    page = client.get("/correspondents/file/").content.decode()
    assert "泗县总工会开展夏送清凉活动" in page and "别人的来稿" not in page
    assert Filing.objects.get(correspondent=mine).headline == "泗县总工会开展夏送清凉活动"


def test_an_account_outside_the_group_cannot_file(county, reporter):
    Correspondent.objects.create(name="陈雪", union=county, user=reporter)
    client = Client()
    client.force_login(reporter)
    assert client.get("/correspondents/file/").status_code == 404
