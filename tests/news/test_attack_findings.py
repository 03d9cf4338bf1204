"""What an attack on the public site found (issue 15): feeds, search filters, stale caches."""

from xml.dom import minidom

import pytest

from tests.factories import make_article, make_union

PAYLOAD = '<img src=x onerror="alert(document.cookie)">职工之家<script>alert(1)</script>'


@pytest.mark.parametrize("feed", ["/feeds/latest/", "union", "theme"])
def test_feeds_carry_summaries_as_text_never_as_html(client, city, feed):
    article = make_article(union=city, status="published", summary=PAYLOAD, themes=["劳模"])
    url = {
        "union": f"{city.get_absolute_url()}feed/",
        "theme": "/themes/劳模/feed/",
    }.get(feed, feed)

    response = client.get(url)

    assert response.status_code == 200
    document = minidom.parseString(response.content)
    summaries = document.getElementsByTagName("summary")
    assert summaries, "the feed has no summary"
    for summary in summaries:
        assert summary.getAttribute("type") == "text"
        assert summary.firstChild.data == PAYLOAD  # the text as typed, shown as text
    assert b'type="html"' not in response.content
    assert article.headline in response.content.decode()


def test_search_neither_offers_nor_accepts_a_theme_used_only_on_drafts(client, city):
    make_article(union=city, status="published", headline="公开稿件", themes=["劳模"])
    make_article(union=city, status="draft", headline="草稿", themes=["内部机密议题"])
    make_article(union=city, status="withdrawn", headline="撤回稿", themes=["撤回议题"])

    for query in ["", "工会"]:
        for theme in ["内部机密议题", "撤回议题"]:
            page = client.get("/search/", {"q": query, "theme": theme}).content.decode()
            assert theme not in page, (query, theme)
    assert "劳模" in client.get("/search/", {"q": "", "theme": "劳模"}).content.decode()


def test_search_neither_offers_nor_accepts_a_union_without_published_stories(client, city):
    quiet = make_union("灵璧县总工会", parent=city, kind="county", short_name="灵璧")
    make_article(union=quiet, status="draft", headline="只有草稿")
    make_article(union=city, status="published", headline="宿州公开稿件")

    page = client.get("/search/", {"q": "稿件"}).content.decode()
    assert "宿州市总工会" in page
    assert "灵璧县总工会" not in page
    refused = client.get("/search/", {"q": "稿件", "union": quiet.slug}).content.decode()
    assert "灵璧县总工会" not in refused
