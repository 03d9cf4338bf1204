"""A reader in real Chromium: home, then a union, then a story, on a phone and a desktop."""

import pytest
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.models import Article
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


# Colour contrast of every piece of text against the colour behind it (WCAG 2 AA: 4.5:1, or
# 3:1 for large text), computed from the styles the browser applied.
LOW_CONTRAST_TEXT = """
(focusedOnly) => {
  const parse = (css) => {
    const inside = (css.match(/rgba?\\(([^)]+)\\)/) || [, ""])[1];
    const [r, g, b, a = 1] = inside.split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({r, g, b}) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const backdrop = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour.a > 0) layers.unshift(colour);
      if (colour.a >= 1) break;
    }
    return layers.reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
  };
  const failures = [];
  const focused = document.activeElement;
  const elements = focusedOnly
    ? [focused, ...focused.querySelectorAll("*")]
    : document.querySelectorAll("body *");
  for (const element of elements) {
    const hasText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = element.getBoundingClientRect();
    if (!hasText || box.width <= 1 || box.height <= 1) continue;
    if (!focusedOnly && element.closest(".visually-hidden, .skip-link, option")) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden") continue;
    const background = backdrop(element);
    const [light, dark] = [luminance(over(parse(style.color), background)), luminance(background)]
      .sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${element.textContent.trim().slice(0, 20)}: ${ratio.toFixed(2)}`);
    }
  }
  return failures;
}
"""
# What the page's own stylesheets do with keyboard focus: a visible outline or shadow.
FOCUS_IS_VISIBLE = """
() => {
  const style = getComputedStyle(document.activeElement);
  return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
}
"""
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_every_kind_of_page_is_clean_in_the_browser(
    chromium, live_server, screenshot_dir, newsroom, city
):
    """Each page type: no CSP violation or console error, nothing fetched from elsewhere,
    readable contrast, a visible keyboard focus and no sideways scrolling on a phone."""
    draft = make_article(union=city, status="draft", headline="尚未签发的稿件")
    withdrawn = make_article(union=city, status="withdrawn", headline="已撤回的稿件")
    photo_story = Article.objects.get(headline="劳模风采")
    # A long run of Latin letters and digits (a link, a product code) cannot push a phone page
    # sideways.
    long_words = make_article(
        union=city,
        status="published",
        headline="职工书屋上线" + "WWW" * 15,
        body="详见 https://union.example.cn/" + "reading-room-" * 12 + "2026 。",
    )
    pages = {
        "home": ("/", 200),
        "unions": ("/unions/", 200),
        "union": (city.get_absolute_url(), 200),
        "theme": ("/themes/职工之家/", 200),
        "column": (newsroom.column.get_absolute_url(), 200),
        "photos": ("/photos/", 200),
        "story": (newsroom.get_absolute_url(), 200),
        "photo-story": (photo_story.get_absolute_url(), 200),
        "long-words": (long_words.get_absolute_url(), 200),
        "search": ("/search/?q=劳模", 200),
        "search-nothing": ("/search/?q=航天飞机", 200),
        "not-found": (draft.get_absolute_url(), 404),
        "withdrawn": (withdrawn.get_absolute_url(), 410),
    }
    context = chromium.new_context(viewport=VIEWPORTS["phone"], locale="zh-CN")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    outside_requests = []
    page.on(
        "request",
        lambda request: (
            request.url.startswith((live_server.url, "data:"))
            or outside_requests.append(request.url)
        ),
    )
    console_errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and message.location.get("url") != page.url  # the 404 or 410 status of the page itself
            and console_errors.append(f"{page.url}: {message.text}")
        ),
    )

    for name, (path, status) in pages.items():
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert response.status == status, name
        page.screenshot(path=screenshot_dir / f"news-page-{name}-phone.png", full_page=True)
        assert page.evaluate("window.cspViolations") == [], name
        assert page.evaluate(LOW_CONTRAST_TEXT, False) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        assert page.locator("main h1").count() == 1, name
        assert_keyboard_focus_shows_everywhere(page, name)

    assert console_errors == []
    assert outside_requests == []
    context.close()


def assert_keyboard_focus_shows_everywhere(page, name):
    """Tab through the whole page: every stop shows its focus, and its text stays readable."""
    for _stop in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        if page.evaluate("document.activeElement === document.body"):
            return
        assert page.evaluate(FOCUS_IS_VISIBLE), f"{name}: {focused}"
        assert page.evaluate(LOW_CONTRAST_TEXT, True) == [], f"{name}: {focused}"
    pytest.fail(f"{name}: the keyboard never left the page")
