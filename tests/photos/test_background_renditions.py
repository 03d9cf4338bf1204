"""Renditions are made by a background task after the upload commits, not in its request."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks import task_backends

from articles.models import Article
from news.links import absolute_url as absolute
from photos.models import Photo
from photos.tasks import make_renditions
from tests.factories import make_article
from tests.photos import images
from tests.photos.conftest import make_photo, stored_files
from tests.photos.test_inline import change_page, with_photo_forms

# Tasks are kept, not run: as when the worker has not got to them yet.
QUEUED_ONLY = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
}


def renditions_on_disk(media_root):
    return {name for name in stored_files(media_root) if name.startswith("CACHE/")}


@pytest.fixture
def story(city):
    return make_article(
        union=city, genre="photo", headline="劳模工作室揭牌", status=Article.Status.PUBLISHED
    )


def upload(client, article, data=None):
    url, form = change_page(client, article)
    data = data if data is not None else images.phone_jpeg(1600, 1200, orientation=1)
    response = client.post(
        url,
        with_photo_forms(
            form,
            [
                {
                    "image": SimpleUploadedFile("IMG_0001.JPG", data),
                    "caption": "劳模工作室成立",
                    "alt_text": "劳模与徒弟合影",
                    "is_lead": "on",
                }
            ],
        ),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    return article.photos.get()


@override_settings(TASKS=QUEUED_ONLY)
def test_the_upload_stores_the_original_and_queues_the_renditions(
    superuser_client, client, story, media_root
):
    photo = upload(superuser_client, story)

    # The request stored the original only, and queued one task for it.
    assert not photo.renditions_ready
    assert (photo.width, photo.height) == (1600, 1200)
    assert renditions_on_disk(media_root) == set()
    [queued] = [
        result
        for result in task_backends["default"].results
        if result.task.name == make_renditions.name
    ]
    assert queued.args == [photo.pk, photo.image.name]

    # Readers see a box of the photo's size saying it is being processed; shared links the
    # original; the admin says so too.
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'class="photo-processing"' in page
    assert 'width="1600" height="1200"' in page
    assert "正在处理图片…" in page
    assert "srcset" not in page
    assert f'<meta property="og:image" content="{absolute(photo.image.url)}">' in page
    admin_page = superuser_client.get(
        reverse("admin:articles_article_change", args=[story.pk])
    ).content.decode()
    assert "正在处理图片…" in admin_page

    # The worker runs the task: the same (cached) page now shows the picture.
    assert make_renditions.call(photo.pk, photo.image.name) == 6
    photo.refresh_from_db()
    assert photo.renditions_ready
    made = renditions_on_disk(media_root)
    assert len(made) == 6
    page = client.get(story.get_absolute_url()).content.decode()
    assert "正在处理图片…" not in page
    assert f"{photo.rendition_480_webp.url} 480w" in page
    assert f'<meta property="og:image" content="{absolute(photo.rendition_1600_jpeg.url)}">' in page

    # Run twice (a retried attempt, say): same files, still ready.
    assert make_renditions.call(photo.pk, photo.image.name) == 6
    assert renditions_on_disk(media_root) == made
    assert Photo.objects.get(pk=photo.pk).renditions_ready


@pytest.mark.renditions_on_commit
def test_the_task_waits_for_the_commit(
    superuser_client, story, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        photo = upload(superuser_client, story)
        assert renditions_on_disk(media_root) == set()

    for callback in callbacks:
        callback()

    assert Photo.objects.get(pk=photo.pk).renditions_ready
    assert len(renditions_on_disk(media_root)) == 6


@override_settings(TASKS=QUEUED_ONLY)
def test_a_task_for_a_deleted_photo_does_nothing(
    db, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo()
    pk, name = photo.pk, photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert make_renditions.call(pk, name) == 0
    assert stored_files(media_root) == set()


@override_settings(TASKS=QUEUED_ONLY)
def test_a_task_for_a_replaced_file_leaves_the_new_file_to_its_own_task(
    db, media_root, django_capture_on_commit_callbacks
):
    photo = make_photo()
    old_name = photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = ContentFile(images.phone_jpeg(900, 600, orientation=1), name="new.jpg")
        photo.save()

    assert make_renditions.call(photo.pk, old_name) == 0
    assert renditions_on_disk(media_root) == set()
    assert not Photo.objects.get(pk=photo.pk).renditions_ready

    assert make_renditions.call(photo.pk, photo.image.name) == 4
    assert Photo.objects.get(pk=photo.pk).renditions_ready


def test_with_the_immediate_backend_the_photo_is_ready_at_once(db, media_root):
    photo = make_photo()

    assert photo.renditions_ready
    assert f"{photo.rendition_960_jpeg.url} 960w" in photo.jpeg_srcset


def test_a_failed_attempt_is_retried(superuser_client, story, media_root, monkeypatch):
    """Storage failing twice while renditions are written: the third attempt makes them."""
    original_save = FileSystemStorage._save
    failures = []

    def flaky_save(storage, name, content):
        if name.startswith("CACHE/") and len(failures) < 2:
            failures.append(name)
            raise OSError("No space left on device")
        return original_save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", flaky_save)

    photo = upload(superuser_client, story)

    assert len(failures) == 2
    assert Photo.objects.get(pk=photo.pk).renditions_ready
    assert len(renditions_on_disk(media_root)) == 6
