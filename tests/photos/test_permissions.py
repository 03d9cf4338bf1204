"""Who may change a photo follows who may change its story."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from editorial.roles import REPORTER
from photos.models import Photo
from tests.factories import make_article, make_user
from tests.photos import images


@pytest.fixture
def reporter(db):
    user = make_user("reporter-photos", is_staff=True)
    user.groups.add(Group.objects.get(name=REPORTER))
    return user


def photo_of(article, caption="原图说明"):
    return Photo.objects.create(
        article=article,
        image=ContentFile(images.encode(images.picture(800, 600), "JPEG"), name="p.jpg"),
        caption=caption,
        credit="姚佳佳",
    )


def test_reporter_cannot_change_the_photo_of_a_published_story(client, reporter, city):
    story = make_article(union=city, status="published", created_by=reporter)
    photo = photo_of(story)
    client.force_login(reporter)
    url = f"/admin/photos/photo/{photo.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="caption"' not in page.content.decode()
    response = client.post(url, {"article": story.pk, "caption": "改过的说明", "credit": "某某"})
    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.caption == "原图说明"


def test_reporter_changes_the_photos_of_own_draft(client, reporter, city):
    story = make_article(union=city, status="draft", created_by=reporter)
    photo = photo_of(story)
    client.force_login(reporter)
    page = client.get(f"/admin/photos/photo/{photo.pk}/change/")
    assert 'name="caption"' in page.content.decode()


def test_reporter_sees_only_the_photos_of_own_stories(client, reporter, city):
    photo_of(make_article(union=city, created_by=reporter), caption="自己的照片")
    other = photo_of(make_article(union=city, created_by=make_user()), caption="别人的照片")
    client.force_login(reporter)
    listing = client.get("/admin/photos/photo/").content.decode()
    assert "自己的照片" in listing and "别人的照片" not in listing
    # The admin answers a photo outside the user's queryset with a redirect to the list.
    assert client.get(f"/admin/photos/photo/{other.pk}/change/").status_code == 302


def test_reporter_cannot_attach_a_photo_to_another_reporters_story(client, reporter, city):
    foreign = make_article(union=city, created_by=make_user())
    client.force_login(reporter)
    upload = ContentFile(images.encode(images.picture(800, 600), "JPEG"), name="new.jpg")
    response = client.post(
        "/admin/photos/photo/add/",
        {
            "article": foreign.pk,
            "image": upload,
            "caption": "说明",
            "credit": "某某",
            "position": 0,
        },
    )
    assert response.status_code == 200
    assert "article" in response.context["adminform"].form.errors
    assert not Photo.objects.filter(article=foreign).exists()
