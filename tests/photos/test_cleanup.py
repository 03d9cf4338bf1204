"""Files follow their photo: deleted with it, replaced with its image, kept if a delete fails."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from photos.models import Photo
from tests.factories import make_article
from tests.photos import images
from tests.photos.conftest import make_photo, stored_files


def test_deleting_a_photo_in_the_admin_removes_its_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo(data=images.png(1800, 1200), name="p.png")
    assert len(stored_files(media_root)) == 7  # the original and six renditions

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:photos_photo_delete", args=[photo.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


def test_deleting_a_story_removes_its_photos_files(
    city, media_root, django_capture_on_commit_callbacks
):
    article = make_article(union=city)
    make_photo(article=article, data=images.png(1000, 800), name="a.png")
    make_photo(article=article, data=images.png(700, 500), name="b.png")
    other = make_photo(data=images.png(500, 400), name="c.png")
    kept = set(other.stored_names()) & stored_files(media_root)

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert list(Photo.objects.all()) == [other]
    assert stored_files(media_root) == kept


@pytest.mark.django_db
def test_a_delete_that_is_rolled_back_keeps_the_files(
    media_root, django_capture_on_commit_callbacks
):
    photo = make_photo(data=images.png(600, 400), name="p.png")
    photo_pk = photo.pk
    before = stored_files(media_root)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        photo.delete()
        raise RuntimeError("something failed after the delete")

    assert Photo.objects.filter(pk=photo_pk).exists()
    assert stored_files(media_root) == before


def test_replacing_the_image_remakes_renditions_and_removes_the_old_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo(data=images.png(1800, 1200), name="old.png", caption="旧图")
    old_files = stored_files(media_root)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:photos_photo_change", args=[photo.pk]),
            {
                "image": SimpleUploadedFile("new.jpg", images.phone_jpeg(1200, 900, orientation=1)),
                "caption": "新图",
                "position": "0",
            },
        )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.width, photo.height) == (1200, 900)
    assert photo.caption == "新图"
    files = stored_files(media_root)
    assert files.isdisjoint(old_files)
    # The new original and its renditions: 480 and 960, then 1200 for the largest, in two formats.
    assert files == {name for name in photo.stored_names() if name in files}
    assert len(files) == 7
    assert [r.width for r in photo.renditions("jpeg")] == [480, 960, 1200]


def test_editing_only_the_caption_keeps_the_files(editor_client, media_root):
    photo = make_photo(data=images.png(800, 600), name="p.png")
    before = {path: (media_root / path).stat().st_mtime_ns for path in stored_files(media_root)}

    response = editor_client.post(
        reverse("admin:photos_photo_change", args=[photo.pk]),
        {"caption": "改过的说明", "credit": "王志刚", "position": "1"},
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "改过的说明"
    after = {path: (media_root / path).stat().st_mtime_ns for path in stored_files(media_root)}
    assert after == before
