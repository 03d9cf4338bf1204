"""Canonical and Open Graph tags on every page, so shared links show the story."""

import re

import pytest

from tests.factories import make_article, make_column
from tests.news.helpers import make_photo

SITE = "https://news.example.cn"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = SITE


def meta_tags(html):
    tags = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    tags["canonical"] = canonical.group(1) if canonical else None
    return tags


def test_every_page_has_canonical_and_open_graph(client, city):
    column = make_column()
    story = make_article(union=city, status="published", themes=["劳模"], column=column)
    photo_story = make_article(union=city, status="published", genre="photo")
    make_photo(photo_story, is_lead=True)
    pages = {
        "/": SITE + "/",
        "/unions/": SITE + "/unions/",
        city.get_absolute_url(): SITE + city.get_absolute_url(),
        "/themes/劳模/": SITE + "/themes/%E5%8A%B3%E6%A8%A1/",
        column.get_absolute_url(): SITE + column.get_absolute_url(),
        "/photos/": SITE + "/photos/",
        story.get_absolute_url(): SITE + story.get_absolute_url(),
    }
    for url, canonical in pages.items():
        tags = meta_tags(client.get(url).content.decode())
        assert tags["canonical"] == canonical, url
        assert tags["og:url"] == canonical, url
        assert tags["og:title"] and tags["og:description"] and tags["og:site_name"], url


def test_story_shares_headline_summary_and_lead_photo(client, city):
    story = make_article(
        union=city,
        status="published",
        headline="宿州开设夜间技能课堂",
        summary="宿州市总工会在三家职工之家开设夜间技能课堂。",
    )
    make_photo(story, position=0, caption="另一张")
    lead = make_photo(story, is_lead=True, position=1, size=(640, 400))

    tags = meta_tags(client.get(story.get_absolute_url()).content.decode())

    assert tags["og:type"] == "article"
    assert tags["og:title"] == "宿州开设夜间技能课堂"
    assert tags["og:description"] == "宿州市总工会在三家职工之家开设夜间技能课堂。"
    # Shared at its largest JPEG rendition: a 640-pixel photo is not enlarged to 960.
    assert tags["og:image"] == SITE + lead.og_image_url
    assert tags["og:image"].endswith(".jpg") and tags["og:image"] != SITE + lead.image.url
    assert (tags["og:image:width"], tags["og:image:height"]) == ("640", "400")
    assert tags["article:published_time"].startswith(str(story.publish_at.year))


def test_story_without_photo_has_no_og_image(client, city):
    story = make_article(union=city, status="published")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "og:image" not in html
    assert 'name="twitter:card" content="summary"' in html


def test_canonical_names_the_page_number_past_the_first(client, city):
    for number in range(21):
        make_article(union=city, status="published", headline=f"稿件{number}")
    html = client.get(city.get_absolute_url() + "?page=2&utm_source=wechat").content.decode()
    assert meta_tags(html)["canonical"] == f"{SITE}{city.get_absolute_url()}?page=2"


def test_page_titles_name_the_page_and_the_site(client, city):
    story = make_article(union=city, status="published", headline="标题测试")
    assert (
        "<title>标题测试 - 工会新闻</title>"
        in client.get(story.get_absolute_url()).content.decode()
    )
    assert (
        "<title>宿州市总工会 - 工会新闻</title>"
        in client.get(city.get_absolute_url()).content.decode()
    )
    assert "<title>工会新闻</title>" in client.get("/").content.decode()
