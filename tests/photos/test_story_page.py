"""A reporter's own draft, through the story's admin page: hostile files, and pages sent back."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from articles.models import Article
from editorial.roles import REPORTER
from photos import renditions
from photos.models import Photo
from tests.factories import make_article, make_user
from tests.forms import form_data
from tests.photos import images
from tests.photos.conftest import make_photo, stored_files
from tests.photos.test_inline import with_photo_forms


@pytest.fixture
def reporter(db):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=REPORTER))
    return user


@pytest.fixture
def draft(reporter, city):
    return make_article(union=city, created_by=reporter, headline="原标题", genre="photo")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


def story_page(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode())


def photo_row(data, name, content, **fields):
    return with_photo_forms(
        data,
        [{"image": SimpleUploadedFile(name, content), "caption": "车间一角", **fields}],
    )


def photo_formset(response):
    return next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "photos"
    )


HOSTILE = [
    pytest.param(
        b"GIF89a, then only text.\n" * 40, "photo.jpg", {}, "not_an_image", id="text-posing-as-gif"
    ),
    pytest.param(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "photo.png",
        {},
        "not_an_image",
        id="svg-with-script",
    ),
    pytest.param(images.truncated_jpeg(), "IMG_0001.JPG", {}, "truncated", id="truncated-jpeg"),
    pytest.param(
        images.decompression_bomb(10_000, 10_000),
        "IMG_0002.PNG",
        {},
        "too_many_pixels",
        id="decompression-bomb",
    ),
    pytest.param(
        images.decompression_bomb(20_000, 20_000),
        "IMG_0003.PNG",
        {"PHOTO_MAX_PIXELS": 1_000_000_000},
        "too_many_pixels",
        id="bomb-beyond-pillows-limit",
    ),
    pytest.param(
        images.noisy_jpeg(), "IMG_0004.JPG", {"PHOTO_MAX_BYTES": 10_000}, "too_large", id="oversize"
    ),
]


@pytest.mark.parametrize(("content", "name", "overrides", "code"), HOSTILE)
def test_hostile_files_on_the_story_page_are_refused_and_nothing_is_saved(
    reporter_client, draft, settings, media_root, content, name, overrides, code
):
    for setting, value in overrides.items():
        setattr(settings, setting, value)
    url, data = story_page(reporter_client, draft)
    data["headline"] = "改过的标题"

    response = reporter_client.post(url, photo_row(data, name, content))

    assert response.status_code == 200
    errors = photo_formset(response).forms[0].errors.as_data()["image"]
    assert [error.code for error in errors] == [code]
    assert escape(str(errors[0].message) % (errors[0].params or {})) in response.content.decode()
    # Nothing half-saved: neither the story's text, nor a photo row, nor a file.
    draft.refresh_from_db()
    assert draft.headline == "原标题"
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


def test_a_photo_with_a_hidden_script_is_stored_as_pixels_only(reporter_client, draft, media_root):
    url, data = story_page(reporter_client, draft)
    payload = b"<script>alert(document.cookie)</script>"

    response = reporter_client.post(
        url, photo_row(data, "IMG_0005.JPG", images.phone_jpeg(800, 600) + payload)
    )

    assert response.status_code == 302
    photo = draft.photos.get()
    for name in stored_files(media_root):
        assert payload not in (media_root / name).read_bytes()
    assert photo.image.name.endswith(".jpg")


def test_a_foreign_photo_cannot_be_deleted_from_ones_own_story(
    reporter_client, draft, city, media_root
):
    foreign = make_photo(article=make_article(union=city, created_by=make_user()))
    files = stored_files(media_root)
    url, data = story_page(reporter_client, draft)
    data.update(
        {
            "photos-0-id": str(foreign.pk),
            "photos-0-DELETE": "on",
            "photos-INITIAL_FORMS": "1",
        }
    )

    reporter_client.post(url, data)

    assert Photo.objects.filter(pk=foreign.pk, article=foreign.article).exists()
    assert stored_files(media_root) == files


def test_a_bad_byline_sends_the_page_back_without_storing_the_photo(
    reporter_client, draft, media_root
):
    url, data = story_page(reporter_client, draft)
    data.update({"bylines-0-role": "reporter", "bylines-0-name": "", "bylines-0-position": "0"})

    response = reporter_client.post(
        url, photo_row(data, "IMG_0006.JPG", images.phone_jpeg(800, 600), credit="姚佳佳")
    )

    assert response.status_code == 200
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()
    # The chosen file is gone from the page (browsers never keep it): the row says so.
    page = response.content.decode()
    assert "照片“IMG_0006.JPG”没有问题，但因本页其他地方有错误而未保存" in page
    # Sent again as the browser would, with the byline fixed and the photo chosen again.
    again = form_data(page)
    again["bylines-0-name"] = "陈雪"
    again["photos-0-image"] = SimpleUploadedFile("IMG_0006.JPG", images.phone_jpeg(800, 600))

    response = reporter_client.post(url, again)

    assert response.status_code == 302
    assert [(p.caption, p.credit) for p in draft.photos.all()] == [("车间一角", "姚佳佳")]


def test_a_story_changed_meanwhile_stores_no_photo(reporter_client, draft, media_root):
    url, data = story_page(reporter_client, draft)
    Article.objects.filter(pk=draft.pk).update(version=draft.version + 1)

    response = reporter_client.post(
        url, photo_row(data, "IMG_0007.JPG", images.phone_jpeg(800, 600))
    )

    assert response.status_code == 200
    assert "IMG_0007.JPG" in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


def test_a_photo_refused_for_its_own_content_gets_no_choose_again_note(reporter_client, draft):
    url, data = story_page(reporter_client, draft)

    response = reporter_client.post(url, photo_row(data, "notes.jpg", b"only text"))

    assert "notes.jpg" not in response.content.decode()


def test_a_long_screenshot_gets_renditions_webp_can_hold(reporter_client, draft):
    url, data = story_page(reporter_client, draft)

    response = reporter_client.post(
        url, photo_row(data, "Screenshot.png", images.long_screenshot(1080, 24000))
    )

    assert response.status_code == 302
    photo = draft.photos.get()
    assert (photo.width, photo.height) == (1080, 24000)
    sizes = [(rendition.width, rendition.height) for rendition in photo.renditions("webp")]
    assert sizes == [(480, 10667), (737, renditions.MAX_RENDITION_HEIGHT)]
    for rendition_width, size in zip(renditions.WIDTHS, sizes, strict=False):
        for kind in renditions.FORMATS:
            name = getattr(photo, renditions.field_name(rendition_width, kind)).name
            with default_storage.open(name) as stored:
                assert Image.open(stored).size == size
