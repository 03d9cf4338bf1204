"""Filing by a personal link, through HTTP as a correspondent's phone does it."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from correspondents import links, services
from correspondents.models import Correspondent, Filing
from photos.models import Photo
from tests.correspondents.conftest import filing_data, jpeg_upload
from tests.photos import images

pytestmark = pytest.mark.django_db


def test_the_link_opens_a_prefilled_phone_page(client, link, correspondent, county):
    response = client.get(link)
    page = response.content.decode()
    assert response.status_code == 200
    assert "黄元明" in page and "泗县总工会" in page
    assert f'<option value="{county.pk}" selected>' in page
    assert 'name="photo_1"' in page and 'accept="image/jpeg' in page
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert "13800000000" not in page  # contact details are for editors only


def test_a_filing_with_a_photo_is_received_and_listed(
    client, link, correspondent, county, django_capture_on_commit_callbacks
):
    data = filing_data(county, caption_1="职工们领取防暑物品")
    data["photo_1"] = jpeg_upload()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, data, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 302
    filing = Filing.objects.get()
    assert filing.correspondent == correspondent
    assert filing.state == Filing.State.RECEIVED
    assert filing.coauthor_names() == ["沈春", "李宗泰"]
    photo = filing.filing_photos.get().photo
    assert photo.article is None
    assert photo.caption == "职工们领取防暑物品"
    assert photo.credit == "黄元明"
    assert photo.width == 600 and photo.height == 800  # turned upright like the desk's uploads
    page = client.get(link).content.decode()
    assert "泗县总工会开展夏送清凉活动" in page and "已收到" in page
    assert [message.to for message in mail.outbox] == [["huang@example.org"]]
    assert "已收到" in mail.outbox[0].subject


@pytest.mark.parametrize("make_token", ["unknown", "forged", "revoked", "inactive", "old"])
def test_bad_links_all_answer_the_same_404(client, correspondent, county, make_token):
    good = links.path_for(correspondent)
    if make_token == "unknown":
        path = links.path_for(Correspondent(pk=999999, link_key="x" * 24))
    elif make_token == "forged":
        path = good[:-3] + "abc/"
    elif make_token == "revoked":
        services.revoke_link(correspondent=correspondent)
        path = good
    elif make_token == "inactive":
        Correspondent.objects.filter(pk=correspondent.pk).update(is_active=False)
        path = good
    else:
        services.issue_link(correspondent=correspondent)
        path = good
    get = client.get(path)
    post = client.post(path, filing_data(county))
    assert get.status_code == post.status_code == 404
    assert get.content == client.get("/correspondents/file/nothing-here/").content
    assert Filing.objects.count() == 0


def test_a_new_link_works_after_reissue(client, correspondent, county):
    services.issue_link(correspondent=correspondent)
    assert client.get(links.path_for(correspondent)).status_code == 200


def test_the_daily_limit_refuses_the_next_filing_and_keeps_nothing(
    client, link, correspondent, county, settings
):
    settings.CORRESPONDENT_FILINGS_PER_DAY = 2
    for _ in range(2):
        assert client.post(link, filing_data(county)).status_code == 302
    data = filing_data(county, headline="第三篇")
    data["photo_1"] = jpeg_upload()
    response = client.post(link, data)
    assert response.status_code == 429
    page = response.content.decode()
    assert "今天已发送 2 篇" in page or "2" in page
    assert "第三篇" in page  # the text comes back in the form
    assert Filing.objects.count() == 2
    assert Photo.objects.count() == 0


def test_the_limit_per_address_covers_several_links(client, correspondent, county, settings):
    settings.CORRESPONDENT_FILINGS_PER_DAY = 1
    other = Correspondent.objects.create(name="沈春", union=county)
    services.issue_link(correspondent=other)
    assert (
        client.post(
            links.path_for(correspondent), filing_data(county), REMOTE_ADDR="10.9.9.9"
        ).status_code
        == 302
    )
    response = client.post(links.path_for(other), filing_data(county), REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    assert "网络" in response.content.decode()
    assert Filing.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<script>alert(1)</script>", "photo.jpg", "不是照片"),
        (images.encode(images.picture(40, 40), "GIF"), "anim.gif", "GIF"),
        (images.phone_jpeg(800, 600)[:2000], "cut.jpg", "不完整"),
    ],
)
def test_a_hostile_photo_is_refused_with_its_reason_and_nothing_is_saved(
    client, link, county, content, name, message
):
    data = filing_data(county, headline="带图来稿")
    data["photo_1"] = SimpleUploadedFile(name, content, content_type="image/jpeg")
    data["photo_2"] = jpeg_upload("good.jpg")
    response = client.post(link, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "带图来稿" in page
    assert "good.jpg" in page  # the good photo must be chosen again, and the page says so
    assert Filing.objects.count() == 0 and Photo.objects.count() == 0


def test_missing_text_is_refused_clearly(client, link, county):
    response = client.post(link, filing_data(county, headline="", body=""))
    assert response.status_code == 400
    assert "这个字段是必填项" in response.content.decode()
    assert Filing.objects.count() == 0


def test_photo_news_needs_a_photo(client, link, county):
    response = client.post(link, filing_data(county, genre="photo"))
    assert response.status_code == 400
    assert Filing.objects.count() == 0


def test_a_post_without_csrf_token_is_refused(link, county):
    client = Client(enforce_csrf_checks=True)
    assert client.post(link, filing_data(county)).status_code == 403
    assert Filing.objects.count() == 0


def test_html_in_a_filing_is_shown_as_text(client, link, county):
    client.post(link, filing_data(county, headline="<b>粗体</b>标题"))
    page = client.get(link).content.decode()
    assert "&lt;b&gt;粗体&lt;/b&gt;标题" in page and "<b>粗体" not in page
