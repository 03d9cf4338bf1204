"""Uploading photos through the admin: what is stored, and what is refused and why."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from photos.models import Photo
from tests.photos import images
from tests.photos.conftest import stored_files

ADD_URL = reverse("admin:photos_photo_add")


def upload(client, data, name, **fields):
    post = {
        "image": SimpleUploadedFile(name, data, content_type="image/jpeg"),
        "caption": "职工们在车间里交流技术",
        "credit": "姚佳佳",
        "alt_text": "两名职工在机床旁交谈",
        "position": "0",
        **fields,
    }
    return client.post(ADD_URL, post)


def image_errors(response):
    return response.context["adminform"].form.errors.as_data()["image"]


def open_stored(name):
    with default_storage.open(name) as stored:
        image = Image.open(stored)
        image.load()
    return image


def test_phone_jpeg_is_stored_upright_without_exif_or_gps(editor_client):
    response = upload(editor_client, images.phone_jpeg(2000, 1500, orientation=6), "IMG_0042.JPG")

    assert response.status_code == 302
    photo = Photo.objects.get()
    # Orientation 6 means "turn 90° clockwise": the stored photo stands upright.
    assert (photo.width, photo.height) == (1500, 2000)
    stored = open_stored(photo.image.name)
    assert stored.format == "JPEG"
    assert stored.size == (1500, 2000)
    assert images.metadata_of(stored) == {"exif": {}, "gps": {}, "info": []}
    # The red half, on the left as shot, is on top once upright.
    assert stored.getpixel((750, 200))[0] > 200
    assert stored.getpixel((750, 1800))[2] > 200
    # The stored name is ours, not the phone's.
    assert "IMG_0042" not in photo.image.name
    assert photo.image.name.endswith(".jpg")
    assert photo.caption == "职工们在车间里交流技术"
    assert photo.credit == "姚佳佳"


@pytest.mark.parametrize(
    ("data", "extension", "size"),
    [
        (images.png(1800, 1200), ".png", (1800, 1200)),
        (images.png(640, 480, mode="RGBA"), ".png", (640, 480)),
        (images.webp(1800, 1200), ".webp", (1800, 1200)),
    ],
    ids=["png", "png-with-transparency", "webp"],
)
def test_png_and_webp_keep_their_format(editor_client, data, extension, size):
    response = upload(editor_client, data, "photo" + extension)

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.image.name.endswith(extension)
    assert (photo.width, photo.height) == size
    assert images.metadata_of(open_stored(photo.image.name)) == {"exif": {}, "gps": {}, "info": []}


def test_heic_from_an_iphone_is_stored_as_jpeg(editor_client):
    pytest.importorskip("pillow_heif")
    response = upload(editor_client, images.heic(1200, 900), "IMG_0001.HEIC")

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg")
    assert open_stored(photo.image.name).format == "JPEG"
    assert (photo.width, photo.height) == (1200, 900)


def test_the_form_offers_the_accepted_formats_and_states_the_limit(editor_client):
    response = editor_client.get(ADD_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'accept="image/jpeg,image/png,image/webp' in page
    assert "20.0 MB" in page or "20.0 MB" in page.replace("\xa0", " ")


def hostile_cases():
    return [
        pytest.param(
            b"Not a photo at all, only text.\n" * 20,
            "photo.jpg",
            {},
            "not_an_image",
            id="text-named-jpg",
        ),
        pytest.param(images.truncated_jpeg(), "cut.jpg", {}, "truncated", id="truncated-jpeg"),
        pytest.param(
            images.png(1200, 1000),
            "bomb.png",
            {"PHOTO_MAX_PIXELS": 1_000_000},
            "too_many_pixels",
            id="over-the-pixel-limit",
        ),
        # Real bombs: a few kilobytes that decode to 100 and 400 megapixels.
        pytest.param(
            images.decompression_bomb(10_000, 10_000),
            "bomb.png",
            {},
            "too_many_pixels",
            id="decompression-bomb",
        ),
        # With our limit set above Pillow's, Pillow's own ranges must refuse too: between its
        # limit and twice that it only warns, beyond it raises.
        pytest.param(
            images.decompression_bomb(10_000, 10_000),
            "bomb.png",
            {"PHOTO_MAX_PIXELS": 1_000_000_000},
            "too_many_pixels",
            id="decompression-bomb-in-pillows-warning-range",
        ),
        pytest.param(
            images.decompression_bomb(20_000, 20_000),
            "bomb.png",
            {"PHOTO_MAX_PIXELS": 1_000_000_000},
            "too_many_pixels",
            id="decompression-bomb-in-pillows-error-range",
        ),
        pytest.param(
            images.encode(Image.new("L", (70_000, 2)), "PNG"),
            "strip.png",
            {},
            "too_long",
            id="side-too-long",
        ),
        pytest.param(
            images.noisy_jpeg(), "big.jpg", {"PHOTO_MAX_BYTES": 10_000}, "too_large", id="oversize"
        ),
        pytest.param(images.gif(), "anim.gif", {}, "unsupported_format", id="gif"),
        pytest.param(b"", "empty.jpg", {}, "empty", id="empty"),
    ]


@pytest.mark.parametrize(("data", "name", "overrides", "code"), hostile_cases())
def test_hostile_files_are_refused_with_a_clear_message(
    editor_client, settings, media_root, data, name, overrides, code
):
    for setting, value in overrides.items():
        setattr(settings, setting, value)

    response = upload(editor_client, data, name)

    assert response.status_code == 200
    errors = image_errors(response)
    assert [error.code for error in errors] == [code]
    # The message is shown on the form, in the interface language.
    message = str(errors[0].message) % (errors[0].params or {})
    assert escape(message) in response.content.decode()
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == set()


def test_messages_are_translated(editor_client):
    response = upload(editor_client, b"plain text", "photo.jpg")

    assert "这个文件不是照片" in response.content.decode()


def test_pillow_decompression_bomb_warning_is_refused(editor_client, monkeypatch, media_root):
    # Pillow only warns between its limit and twice that; the warning must be a refusal too.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)

    response = upload(editor_client, images.png(400, 300), "bomb.png")

    assert [error.code for error in image_errors(response)] == ["too_many_pixels"]
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == set()


def test_a_failed_transaction_leaves_no_file_behind(photo_editor, media_root):
    client = Client(raise_request_exception=False)
    client.force_login(photo_editor)

    def fail_when_logging(execute, sql, params, many, context):
        # The admin logs the addition last, inside the same transaction as the photo's row.
        if sql.lstrip().upper().startswith("INSERT") and "django_admin_log" in sql:
            raise DatabaseError("the disk is full")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_when_logging):
        response = upload(client, images.phone_jpeg(), "photo.jpg")

    assert response.status_code == 500
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == set()
