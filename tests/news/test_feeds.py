"""Feeds and the sitemap parse as XML and hold only published stories."""

import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote, urlsplit

import pytest
from django.utils import timezone

from tests.factories import make_article, make_column

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def newsroom(city, county, other_city):
    """Published stories in two cities, and one story in every hidden state."""
    later = timezone.now() + timezone.timedelta(days=1)
    return {
        "city": make_article(union=city, status="published", headline="市总稿件", themes=["劳模"]),
        "county": make_article(
            union=county, status="published", headline="县总稿件", themes=["劳模", "职工之家"]
        ),
        "other": make_article(union=other_city, status="published", headline="别市稿件"),
        "hidden": [
            make_article(union=county, status="draft", headline="草稿", themes=["劳模"]),
            make_article(union=county, status="review", headline="待审", themes=["劳模"]),
            make_article(
                union=county,
                status="published",
                publish_at=later,
                headline="定时",
                themes=["劳模"],
            ),
            make_article(union=county, status="withdrawn", headline="撤回", themes=["劳模"]),
        ],
    }


def entry_titles(response):
    assert response.status_code == 200
    # Atom served as XML, so that a browser applies the feed's stylesheet (news.feeds).
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert ElementTree.fromstring(response.content).tag == f"{ATOM}feed"
    feed = ElementTree.fromstring(response.content)
    return {entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")}


def test_latest_feed_holds_only_published_stories(client, newsroom):
    response = client.get("/feeds/latest/")
    assert entry_titles(response) == {"市总稿件", "县总稿件", "别市稿件"}
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "工会新闻\uff1a最新稿件"
    county_entry = next(
        entry for entry in feed.iter(f"{ATOM}entry") if entry.findtext(f"{ATOM}title") == "县总稿件"
    )
    assert {c.get("term") for c in county_entry.iter(f"{ATOM}category")} == {"劳模", "职工之家"}
    assert (
        county_entry.find(f"{ATOM}link").get("href").endswith(newsroom["county"].get_absolute_url())
    )


def test_union_feed_includes_sub_unions(client, city, newsroom):
    response = client.get(f"/unions/{city.slug}/feed/")
    assert entry_titles(response) == {"市总稿件", "县总稿件"}
    assert client.get("/unions/no-such-union/feed/").status_code == 404


def test_theme_feed(client, newsroom):
    assert entry_titles(client.get("/themes/劳模/feed/")) == {"市总稿件", "县总稿件"}
    assert client.get("/themes/no-such-theme/feed/").status_code == 404


def test_theme_feed_of_only_unpublished_stories_is_404(client, city):
    make_article(union=city, status="draft", themes=["内部主题"])
    assert client.get("/themes/内部主题/feed/").status_code == 404


def test_sitemap_lists_published_stories_and_pages(client, city, county, newsroom):
    column = make_column()
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    urlset = ElementTree.fromstring(response.content)
    paths = {unquote(urlsplit(loc.text).path) for loc in urlset.iter(f"{SITEMAP}loc")}
    for story in ("city", "county", "other"):
        assert newsroom[story].get_absolute_url() in paths
    for hidden in newsroom["hidden"]:
        assert hidden.get_absolute_url() not in paths
    assert {
        "/",
        "/unions/",
        "/photos/",
        city.get_absolute_url(),
        county.get_absolute_url(),
    } <= paths
    assert {"/themes/劳模/", "/themes/职工之家/", unquote(column.get_absolute_url())} <= paths
    lastmods = [node.text for node in urlset.iter(f"{SITEMAP}lastmod")]
    assert len(lastmods) == 3
