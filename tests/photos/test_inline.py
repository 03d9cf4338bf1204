"""Photos on the story's own admin page: several at once, one lead, clear errors."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from photos.models import Photo
from tests.factories import make_article
from tests.forms import form_data
from tests.photos import images
from tests.photos.conftest import make_photo, stored_files


def change_page(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode())


def with_photo_forms(data, photos):
    """The page's data with new photo forms filled in after the existing ones."""
    existing = int(data["photos-INITIAL_FORMS"])
    for offset, fields in enumerate(photos):
        prefix = f"photos-{existing + offset}-"
        data.update({prefix + name: value for name, value in fields.items()})
        data.setdefault(prefix + "position", str(offset))
    data["photos-TOTAL_FORMS"] = str(existing + len(photos))
    return data


def test_several_photos_upload_with_the_story(superuser_client, city, media_root):
    article = make_article(union=city, genre="photo")
    url, data = change_page(superuser_client, article)

    response = superuser_client.post(
        url,
        with_photo_forms(
            data,
            [
                {
                    "image": SimpleUploadedFile("a.jpg", images.phone_jpeg(1600, 1200)),
                    "caption": "劳模工作室成立",
                    "credit": "姚佳佳",
                    "alt_text": "劳模与徒弟合影",
                    "is_lead": "on",
                },
                {
                    "image": SimpleUploadedFile("b.png", images.png(800, 600)),
                    "caption": "职工在操作新设备",
                    "credit": "王志刚",
                },
            ],
        ),
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    photos = list(article.photos.all())
    assert [(p.caption, p.credit, p.is_lead) for p in photos] == [
        ("劳模工作室成立", "姚佳佳", True),
        ("职工在操作新设备", "王志刚", False),
    ]
    assert (photos[0].width, photos[0].height) == (1200, 1600)
    # The page shows each saved photo's preview from its smallest rendition.
    preview = superuser_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert photos[0].rendition_480_jpeg.url in preview.content.decode()


def test_a_bad_file_among_several_saves_nothing_and_says_which(superuser_client, city, media_root):
    article = make_article(union=city, headline="原标题")
    url, data = change_page(superuser_client, article)
    data["headline"] = "改过的标题"

    response = superuser_client.post(
        url,
        with_photo_forms(
            data,
            [
                {"image": SimpleUploadedFile("good.jpg", images.phone_jpeg(800, 600))},
                {"image": SimpleUploadedFile("bad.jpg", b"this is text, not a photo")},
            ],
        ),
    )

    assert response.status_code == 200
    formset = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "photos"
    ).formset
    assert formset.forms[0].errors == {}
    assert [e.code for e in formset.forms[1].errors.as_data()["image"]] == ["not_an_image"]
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()
    article.refresh_from_db()
    assert article.headline == "原标题"


def test_two_lead_photos_are_refused_with_a_message(superuser_client, city, media_root):
    article = make_article(union=city)
    url, data = change_page(superuser_client, article)

    response = superuser_client.post(
        url,
        with_photo_forms(
            data,
            [
                {
                    "image": SimpleUploadedFile("a.jpg", images.phone_jpeg(800, 600)),
                    "is_lead": "on",
                },
                {
                    "image": SimpleUploadedFile("b.jpg", images.phone_jpeg(800, 600)),
                    "is_lead": "on",
                },
            ],
        ),
    )

    assert response.status_code == 200
    formset = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "photos"
    ).formset
    assert [e.code for e in formset.non_form_errors().as_data()] == ["several_leads"]
    assert "只能有一张" in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files(media_root) == set()


def test_the_lead_flag_moves_from_one_photo_to_another(superuser_client, city):
    article = make_article(union=city)
    first = make_photo(article=article, data=images.png(600, 400), position=0, is_lead=True)
    second = make_photo(article=article, data=images.png(600, 400), position=1)
    url, data = change_page(superuser_client, article)
    index = {data[f"photos-{n}-id"]: n for n in range(2)}
    data.pop(f"photos-{index[str(first.pk)]}-is_lead")
    data[f"photos-{index[str(second.pk)]}-is_lead"] = "on"

    response = superuser_client.post(url, data)

    assert response.status_code == 302
    assert list(article.photos.filter(is_lead=True)) == [second]
