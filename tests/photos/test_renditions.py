"""Renditions: made once at upload, at the right widths, without metadata; never when shown."""

import PIL.Image
import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import Image

from articles.models import Article
from photos import renditions
from photos.models import Photo
from tests.factories import make_article
from tests.photos import images
from tests.photos.conftest import make_photo, stored_files


def open_rendition(photo, width, kind):
    name = getattr(photo, renditions.field_name(width, kind)).name
    with default_storage.open(name) as stored:
        image = Image.open(stored)
        image.load()
    return image


@pytest.mark.django_db
def test_renditions_exist_at_each_width_in_webp_and_jpeg():
    photo = make_photo(data=images.png(1800, 1200), name="wide.png")

    for width, height in [(480, 320), (960, 640), (1600, 1067)]:
        webp = open_rendition(photo, width, "webp")
        jpeg = open_rendition(photo, width, "jpeg")
        assert (webp.format, webp.size) == ("WEBP", (width, height))
        assert (jpeg.format, jpeg.size) == ("JPEG", (width, height))


@pytest.mark.django_db
def test_rendition_files_are_exactly_the_size_srcset_announces():
    # Proportions where scaling to a width and rounding the height easily loses a pixel.
    photo = make_photo(data=images.png(1602, 401), name="banner.png")

    announced = [(r.width, r.height) for r in photo.renditions("webp")]
    assert announced == [(480, 120), (960, 240), (1600, 400)]
    for width, size in zip(renditions.WIDTHS, announced, strict=True):
        assert open_rendition(photo, width, "webp").size == size
        assert open_rendition(photo, width, "jpeg").size == size


@pytest.mark.django_db
def test_renditions_carry_no_exif_or_gps(editor_client):
    editor_client.post(
        reverse("admin:photos_photo_add"),
        {
            "image": SimpleUploadedFile("photo.jpg", images.phone_jpeg(2000, 1500, orientation=6)),
            "position": "0",
        },
    )
    photo = Photo.objects.get()
    for width in renditions.WIDTHS:
        for kind in renditions.FORMATS:
            rendition = open_rendition(photo, width, kind)
            assert images.metadata_of(rendition) == {"exif": {}, "gps": {}, "info": []}
    # Upright: the 1600 rendition of a 1500 × 2000 photo is the photo's own width, not enlarged.
    assert open_rendition(photo, 960, "jpeg").size == (960, 1280)
    assert open_rendition(photo, 1600, "jpeg").size == (1500, 2000)


@pytest.mark.django_db
def test_a_small_photo_is_never_enlarged_nor_made_twice(media_root):
    photo = make_photo(data=images.png(300, 200), name="small.png")

    assert [(r.width, r.height) for r in photo.renditions("webp")] == [(300, 200)]
    assert open_rendition(photo, 480, "jpeg").size == (300, 200)
    # The original and one rendition per format: no copies at 960 or 1600.
    assert len(stored_files(media_root)) == 3


@pytest.mark.django_db
def test_picture_include_offers_webp_and_jpeg_at_every_width():
    photo = make_photo(
        data=images.png(1800, 1200), name="p.png", caption="劳模工作室", alt_text="劳模在讲解"
    )

    html = render_to_string(
        "photos/includes/picture.html",
        {"photo": photo, "sizes": "(max-width: 600px) 100vw, 600px"},
    )

    assert html.startswith("<picture>") and html.endswith("</picture>")
    assert '<source type="image/webp" srcset="' in html
    for rendition in photo.renditions("webp") + photo.renditions("jpeg"):
        assert f"{rendition.url} {rendition.width}w" in html
    assert 'sizes="(max-width: 600px) 100vw, 600px"' in html
    assert 'width="1800" height="1200"' in html
    assert 'alt="劳模在讲解"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert "fetchpriority" not in html
    assert f'src="{photo.renditions("jpeg")[1].url}"' in html


@pytest.mark.django_db
def test_lead_photo_loads_eagerly_and_is_the_open_graph_image():
    photo = make_photo(data=images.png(1800, 1200), name="p.png", caption="说明文字")

    html = render_to_string("photos/includes/picture.html", {"photo": photo, "loading": "eager"})

    assert 'loading="eager"' in html and 'fetchpriority="high"' in html
    assert 'sizes="100vw"' in html
    # Without alt text, the caption describes the photo.
    assert 'alt="说明文字"' in html
    assert photo.og_image_url == photo.rendition_1600_jpeg.url
    assert (photo.og_image.width, photo.og_image.height) == (1600, 1067)


@pytest.fixture
def spy_on_pillow(monkeypatch):
    """Records every image Pillow opens; Pillow is the boundary where image work starts."""
    opened = []
    real_open = PIL.Image.open

    def spying_open(*args, **kwargs):
        opened.append(args[0])
        return real_open(*args, **kwargs)

    monkeypatch.setattr(PIL.Image, "open", spying_open)
    return opened


@pytest.fixture
def spy_on_storage_checks(monkeypatch):
    """Records existence checks: on object storage each one is a request to the server."""
    checked = []
    real_exists = FileSystemStorage.exists

    def spying_exists(storage, name):
        checked.append(name)
        return real_exists(storage, name)

    monkeypatch.setattr(FileSystemStorage, "exists", spying_exists)
    return checked


def storage_snapshot(root):
    return {path: (root / path).stat().st_mtime_ns for path in stored_files(root)}


def test_showing_lists_of_photos_does_no_image_work(
    editor_client,
    media_root,
    spy_on_pillow,
    spy_on_storage_checks,
    django_assert_max_num_queries,
    province,
):
    for number in range(4):
        article = make_article(union=province, status=Article.Status.PUBLISHED)
        make_photo(article=article, data=images.png(1800, 1200), name=f"p{number}.png")
    spy_on_pillow.clear()
    spy_on_storage_checks.clear()
    before = storage_snapshot(media_root)

    with django_assert_max_num_queries(12):
        changelist = editor_client.get(reverse("admin:photos_photo_changelist"))
    pictures = "".join(
        render_to_string("photos/includes/picture.html", {"photo": photo})
        for photo in Photo.objects.all()
    )
    public_list = editor_client.get(reverse("news:union", kwargs={"slug": province.slug}))

    assert changelist.status_code == 200
    assert changelist.content.decode().count("<img ") >= 4
    assert pictures.count("<picture>") == 4
    assert public_list.status_code == 200
    assert spy_on_pillow == []
    assert spy_on_storage_checks == []
    assert storage_snapshot(media_root) == before
