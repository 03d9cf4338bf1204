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
