"""What an attack on the photo upload found (issue 15): phones' multi-picture JPEGs, huge PNGs."""

import io
import struct
import zlib

from django.core.files.storage import default_storage
from PIL import Image

from photos.models import Photo
from tests.photos import images
from tests.photos.test_uploads import upload


def multi_picture_jpeg(width=1200, height=900):
    """An MPO, as phones write for Ultra-HDR/gain-map photos: the photo, then a second picture."""
    first = images.picture(width, height)
    second = Image.new("RGB", (width // 4, height // 4), "green")
    return images.encode(
        first, "MPO", save_all=True, append_images=[second], exif=images.phone_exif(1)
    )


def test_a_multi_picture_jpeg_is_stored_as_its_first_picture_without_metadata(editor_client):
    data = multi_picture_jpeg()
    assert Image.open(io.BytesIO(data)).format == "MPO"

    response = upload(editor_client, data, "PXL_20261130.jpg")

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (1200, 900)
    with default_storage.open(photo.image.name) as stored:
        image = Image.open(stored)
        image.load()
        assert image.format == "JPEG"
        assert getattr(image, "n_frames", 1) == 1
        assert images.metadata_of(image) == {"exif": {}, "gps": {}, "info": []}
        assert image.getpixel((100, 450))[0] > 200  # the photo's red half, not the green frame
    assert photo.image.name.endswith(".jpg")


def transparent_png(width, height):
    """A valid RGBA PNG, written row by row so that the test never holds its pixels."""
    rows = zlib.compressobj(1)
    row = b"\0" + b"\0\0\0\0" * width
    data = b"".join(rows.compress(row) for _ in range(height)) + rows.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_a_49_megapixel_transparent_png_is_refused_before_it_is_decoded(editor_client):
    response = upload(editor_client, transparent_png(7000, 7000), "poster.png")

    assert response.status_code == 200
    assert not Photo.objects.exists()
    page = response.content.decode()
    assert "7000 × 7000" in page and "16" in page
    assert "transparency" in page or "透明" in page


def test_a_transparent_png_under_the_limit_is_accepted(editor_client):
    response = upload(editor_client, transparent_png(1600, 1200), "logo.png")
    assert response.status_code == 302
    assert Photo.objects.get().width == 1600
