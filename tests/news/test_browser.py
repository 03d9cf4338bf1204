"""A reader in real Chromium: home, then a union, then a story, on a phone and a desktop."""

import pytest
from django.utils import timezone
from PIL import Image, ImageDraw

from tests.factories import make_article, make_column
from tests.news.helpers import make_photo

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
LEAD_HEADLINE = "宿州为一线职工开设夜间技能课堂"
LAYOUT_SHIFT = """
new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})
"""


def picture(size, hue):
    """A photo-like picture: sky, hills and a sun, so screenshots show real proportions."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = int(200 - 90 * y / height)
        draw.line([(0, y), (width, y)], fill=(shade - hue // 3, shade, 235 - hue // 2))
    draw.ellipse([width * 0.7, height * 0.12, width * 0.82, height * 0.3], fill=(250, 210, 90))
    draw.polygon(
        [
            (0, height),
            (0, height * 0.6),
            (width * 0.4, height * 0.4),
            (width, height * 0.7),
            (width, height),
        ],
        fill=(60 + hue // 4, 120, 70),
    )
    return image


def make_pictured_photo(article, *, size, hue, **fields):
    photo = make_photo(article, size=(8, 8), **fields)
    # Replace the placeholder with a picture worth looking at, through the model's own save.
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = BytesIO()
    picture(size, hue).save(buffer, "JPEG", quality=80)
    photo.image = SimpleUploadedFile("picture.jpg", buffer.getvalue(), content_type="image/jpeg")
    photo.save()
    return photo


@pytest.fixture
def newsroom(province, city, county, other_city):
    now = timezone.now()
    column = make_column("一线故事")
    lead = make_article(
        union=city,
        status="published",
        publish_at=now - timezone.timedelta(hours=1),
        kicker="职工之家里学本领",
        headline=LEAD_HEADLINE,
        subheadline="三家职工之家每周三晚开课,劳模和技师授课",
        is_staff_report=True,
        column=column,
        themes=["职工之家", "劳模"],
        body=(
            "近日,宿州市总工会在市区三家职工之家开设夜间技能课堂,面向下班后的一线职工讲授"
            "电工、焊工和家政服务等实用技能。\n\n"
            "课堂每周开课三次,由市级劳模和技师协会成员授课,职工凭工会会员卡免费报名。\n\n"
            "## 学以致用 一技傍身\n\n"
            "首期课程开放报名两天,已有260余名职工报名。市总工会有关负责人表示,将根据职工反馈"
            "逐步增加课程门类,让职工之家成为职工学技能、长本领的好去处。"
        ),
        bylines=[("reporter", "陈雪"), ("correspondent", "孙晓东"), ("editor", "李文华")],
    )
    make_pictured_photo(
        lead,
        size=(1200, 800),
        hue=20,
        is_lead=True,
        caption="职工在夜间技能课堂上学习电工操作。",
        credit="姚佳佳",
    )
    headlines = [
        (county, "泗县职工书屋走进田间地头"),
        (city, "宿州市立医院工会开展关爱职工子女活动"),
        (other_city, "蚌埠“劳模贷”首批发放贷款2435万元"),
        (county, "泗县举办首届工资集体协商竞赛"),
        (other_city, "蚌埠建筑业工会为农民工讨薪"),
    ]
    for hours, (union, headline) in enumerate(headlines, start=2):
        story = make_article(
            union=union,
            status="published",
            publish_at=now - timezone.timedelta(hours=hours),
            headline=headline,
            themes=["职工之家"] if hours % 2 else ["集体协商"],
            body="本报讯 近日,工会组织开展活动,职工积极参与。\n\n活动受到职工欢迎。",
        )
        if hours == 3:
            make_pictured_photo(story, size=(900, 600), hue=90, is_lead=True, caption="活动现场")
    for number in range(3):
        photo_story = make_article(
            union=[city, other_city, county][number],
            status="published",
            genre="photo",
            publish_at=now - timezone.timedelta(hours=10 + number),
            headline=["劳模风采", "春日健步走", "技能比武现场"][number],
            body="职工在活动中。",
            bylines=[("photographer", "姚佳佳")],
        )
        make_pictured_photo(photo_story, size=(1000, 667), hue=40 * number, is_lead=True)
    return lead


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_reader_goes_from_home_to_union_to_story(
    chromium, live_server, screenshot_dir, newsroom, city, device
):
    viewport = VIEWPORTS[device]
    context = chromium.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    failed_requests = []
    page.on("requestfailed", lambda request: failed_requests.append(request.url))
    page.on(
        "response",
        lambda response: response.status >= 400 and failed_requests.append(response.url),
    )

    page.goto(live_server.url + "/")
    assert page.locator(".lead-headline").inner_text() == LEAD_HEADLINE
    assert_fits_and_is_accessible(page, viewport)
    page.screenshot(path=screenshot_dir / f"news-home-{device}.png", full_page=True)

    # The keyboard reaches the skip link first, and it leads to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"

    page.locator(f"#city-{city.slug} a").click()
    page.wait_for_url(f"**{city.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "宿州市总工会"
    assert page.get_by_role("link", name="泗县职工书屋走进田间地头").is_visible()
    assert_fits_and_is_accessible(page, viewport)
    page.screenshot(path=screenshot_dir / f"news-union-{device}.png", full_page=True)

    page.get_by_role("link", name=LEAD_HEADLINE).first.click()
    page.wait_for_url(f"**{newsroom.get_absolute_url()}")
    assert page.locator("h1").inner_text() == LEAD_HEADLINE
    assert "\uff08本报记者 陈雪 通讯员 孙晓东\uff09" in page.locator(".story-body").inner_text()
    assert "姚佳佳/摄" in page.locator("figcaption").first.inner_text()
    assert_fits_and_is_accessible(page, viewport)
    page.screenshot(path=screenshot_dir / f"news-story-{device}.png", full_page=True)

    assert failed_requests == []
    context.close()


def assert_fits_and_is_accessible(page, viewport):
    # Nothing sticks out sideways: no horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # Landmarks, and every image with its proportions and a text alternative.
    for landmark in ["header", "nav", "main", "footer"]:
        assert page.locator(landmark).count() >= 1
    images = page.locator("main img")
    for index in range(images.count()):
        image = images.nth(index)
        assert image.get_attribute("width") and image.get_attribute("height")
        assert image.get_attribute("alt") is not None
    # Images declare their size, so nothing moves while they load (cumulative layout shift).
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(LAYOUT_SHIFT) < 0.02
