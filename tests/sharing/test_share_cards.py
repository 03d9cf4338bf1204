"""Share cards: drawn when a story is published or corrected, and shown as og:image."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from PIL import Image, ImageChops

from editorial.roles import EDITOR, REPORTER
from editorial.services.filing import drive_to_status, file_draft
from editorial.services.records import record_correction
from sharing.cards import DEBIAN_SERIF, PAPER, CardText, _font, draw_card, headline_box, wrap
from sharing.models import ShareCard
from tests.editorial.conftest import member
from tests.news.helpers import make_photo

HEADLINE = "宿州为一线职工开设夜间技能课堂"


@pytest.fixture
def desk(db):
    return member(REPORTER, "chenxue"), member(EDITOR, "liming")


@pytest.fixture
def publish(city, desk, django_capture_on_commit_callbacks):
    reporter, editor = desk

    def file_and_publish(**fields):
        fields.setdefault("headline", HEADLINE)
        fields.setdefault("body", "近日，宿州市总工会开设夜间技能课堂。\n\n职工踊跃报名。")
        with django_capture_on_commit_callbacks(execute=True):
            article = file_draft(actor=reporter, union=city, **fields)
            drive_to_status(article=article, status="published", author=reporter, editor=editor)
        return article

    return file_and_publish


def card_image(card):
    with default_storage.open(card.image.name, "rb") as stored:
        return Image.open(BytesIO(stored.read())).convert("RGB")


def inked_pixels(image, box):
    """How many pixels in box differ clearly from the card's paper colour."""
    region = image.crop(box)
    difference = ImageChops.difference(region, Image.new("RGB", region.size, PAPER)).convert("L")
    return sum(difference.histogram()[60:])


def test_publishing_draws_a_card_with_the_headline(publish):
    article = publish()

    card = ShareCard.objects.get(article=article)
    image = card_image(card)
    assert image.size == (1200, 630)
    assert card.headline == HEADLINE
    # The headline's area is inked: text was drawn, not an empty card.
    assert inked_pixels(image, headline_box()) > 5000
    # A card with no headline has a blank headline area: the measure can fail.
    blank = Image.open(BytesIO(draw_card(CardText("", "宿州市总工会", "工会新闻", "x")))).convert(
        "RGB"
    )
    assert inked_pixels(blank, headline_box()) == 0


def test_the_card_is_the_og_image_of_a_story_without_photo(client, publish):
    article = publish()
    card = ShareCard.objects.get(article=article)

    html = client.get(article.get_absolute_url()).content.decode()

    assert f'<meta property="og:image" content="http://127.0.0.1:8000{card.image.url}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    # WeChat's crawler takes the first picture in the page: the card comes first.
    first_image = html.index("<img ")
    assert html[first_image:].startswith(f'<img src="{card.image.url}"')


def test_a_story_with_a_photo_shares_its_photo(client, publish):
    article = publish()
    photo = make_photo(article, is_lead=True)

    html = client.get(article.get_absolute_url()).content.decode()

    assert f'content="http://127.0.0.1:8000{photo.og_image.url}"' in html
    assert "wechat-thumb" not in html


def test_a_correction_redraws_the_card_under_a_new_name(
    publish, desk, django_capture_on_commit_callbacks
):
    _reporter, editor = desk
    article = publish()
    old = ShareCard.objects.get(article=article).image.name

    article.headline = "宿州夜间技能课堂开课"
    article.save()
    with django_capture_on_commit_callbacks(execute=True):
        record_correction(article=article, actor=editor, note="标题有误，已更正。")

    card = ShareCard.objects.get(article=article)
    assert card.headline == "宿州夜间技能课堂开课"
    assert card.image.name != old
    assert not default_storage.exists(old)


def test_long_headlines_wrap_without_breaking_numbers_or_starting_lines_with_punctuation():
    font = _font(DEBIAN_SERIF, 72)
    lines = wrap(
        "首期课程开放报名两天，已有260余名职工报名参加学习，市总工会表示将增加课程", font, 1056
    )
    assert len(lines) > 1
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert any("260" in line for line in lines)


def test_a_missing_font_is_reported_by_the_system_check(settings):
    from sharing.checks import share_card_fonts

    settings.SHARE_CARD_FONT_SERIF = "/nonexistent/font.ttc"
    warnings = share_card_fonts(None)
    assert [warning.id for warning in warnings] == ["sharing.W001"]
