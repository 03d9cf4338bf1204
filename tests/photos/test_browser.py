"""Choosing several photos at once on a story's admin page, in Chromium."""

import pytest
from django.urls import reverse

from photos.models import Photo
from tests.factories import make_article, make_user
from tests.photos import images

pytestmark = pytest.mark.browser


def test_several_photos_chosen_at_once_get_a_row_each(
    chromium, live_server, client, city, screenshot_dir
):
    article = make_article(union=city, genre="photo", headline="多图上传")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    context = chromium.new_context(locale="zh-CN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))

    page.set_input_files(
        "#id_photos-0-image",
        files=[
            {
                "name": f"IMG_{n}.jpg",
                "mimeType": "image/jpeg",
                "buffer": images.phone_jpeg(900, 600),
            }
            for n in range(3)
        ],
    )
    for row, caption in enumerate(["第一张", "第二张", "第三张"]):
        page.fill(f"#id_photos-{row}-caption", caption)
        page.fill(f"#id_photos-{row}-credit", "姚佳佳")
    page.screenshot(path=screenshot_dir / "photos-several-at-once.png", full_page=True)
    with page.expect_navigation():
        page.click('input[name="_continue"]')

    assert [(p.caption, p.width, p.height) for p in Photo.objects.filter(article=article)] == [
        ("第一张", 600, 900),
        ("第二张", 600, 900),
        ("第三张", 600, 900),
    ]
    # Back on the page, each photo shows its preview.
    assert page.locator(".field-preview img").count() == 3
    # A row added later takes several photos at once too.
    page.click("#photos-group .add-row a")
    new_input = page.locator('#photos-group .inline-related:not(.empty-form) input[type="file"]')
    assert new_input.last.evaluate("input => input.multiple") is True
    context.close()


@pytest.mark.parametrize("width", [375, 1366])
def test_a_photo_being_processed_keeps_its_box(chromium, live_server, city, screenshot_dir, width):
    """Before the task has run, the story shows a box of the photo's proportions with a note."""
    from django.core.files.base import ContentFile
    from django.test import override_settings

    from articles.models import Article

    story = make_article(
        union=city, genre="photo", headline="处理中的照片", status=Article.Status.PUBLISHED
    )
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        photo = Photo.objects.create(
            article=story,
            is_lead=True,
            caption="劳模工作室",
            image=ContentFile(images.phone_jpeg(1200, 800, orientation=1), name="a.jpg"),
        )
    assert not photo.renditions_ready
    context = chromium.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + story.get_absolute_url())
    page.screenshot(path=screenshot_dir / f"photos-processing-{width}.png", full_page=True)

    box = page.locator(".story .photo-processing img").bounding_box()
    assert abs(box["height"] - box["width"] * 800 / 1200) <= 1
    assert page.locator(".story .photo-processing-note").inner_text() == "正在处理图片…"
    context.close()
