"""Deep pages of a list go by cursor (news.paging): what a reader and a crawler follow."""

import re

import pytest
from django.utils import timezone

from articles.models import Article
from news.paging import NUMBERED_PAGES
from tests.factories import make_column

PER_PAGE = 20
STORY_COUNT = PER_PAGE * (NUMBERED_PAGES + 3) + 7  # three cursor pages and a short last one


@pytest.fixture
def stories(city, county):
    """Stories numbered 000 (newest) down; two share each publication time, so that the cursor
    has to tell apart stories published in the same second."""
    now = timezone.now()
    column = make_column()
    Article.objects.bulk_create(
        Article(
            union=county if number % 2 else city,
            headline=f"翻页稿件{number:03d}",
            body="正文。",
            status="published",
            publish_at=now - timezone.timedelta(minutes=number // 2 + 1),
            column=column,
        )
        for number in reversed(range(STORY_COUNT))
    )
    # Stories published in the same minute: the newer headline has the larger id.
    return column


def headlines(html):
    return re.findall(r"翻页稿件(\d{3})", html)


def link(html, rel):
    found = re.search(rf'rel="{rel}" href="([^"]*)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_reader_walks_every_story_once_by_older_links_and_back(client, city, stories):
    url = city.get_absolute_url()
    addresses, pages = [url], []
    while True:
        html = client.get(addresses[-1]).content.decode()
        pages.append(headlines(html))
        older = link(html, "next")
        if older is None:
            break
        addresses.append(older)
    assert [number for page in pages for number in page] == [
        f"{number:03d}" for number in range(STORY_COUNT)
    ]
    # Numbered pages first, cursors from the last numbered page on.
    assert addresses[1:NUMBERED_PAGES] == [f"{url}?page={n}" for n in range(2, NUMBERED_PAGES + 1)]
    assert all("?before=" in address for address in addresses[NUMBERED_PAGES:])
    assert len(pages) == NUMBERED_PAGES + 4

    # Back up by "Newer stories" from the last page: the same pages, up to the first.
    newer = link(client.get(addresses[-1]).content.decode(), "prev")
    back = []
    while newer is not None:
        response = client.get(newer)
        if response.status_code == 302:  # nothing newer than a page: the first page
            assert response["Location"] == url
            response = client.get(url)
        html = response.content.decode()
        back.append(headlines(html))
        newer = link(html, "prev")
    assert back == pages[-2::-1]


def test_cursor_page_says_its_dates_and_names_itself_canonical(client, city, stories):
    first_deep = client.get(f"{city.get_absolute_url()}?page={NUMBERED_PAGES}").content.decode()
    before = link(first_deep, "next")
    html = client.get(before).content.decode()
    current = html.split('class="page-current"')[1].split("</span>")[0]
    # No page number (it is not counted): the dates of the page's stories instead.
    assert "页" not in current and "年" in current
    canonical = re.search(r'rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.endswith(before)


def test_old_deep_page_numbers_redirect_to_their_cursor(client, city, stories):
    url = city.get_absolute_url()
    deep = client.get(f"{url}?page={NUMBERED_PAGES + 2}")
    assert deep.status_code == 301 and "?before=" in deep["Location"]
    followed = client.get(deep["Location"]).content.decode()
    start = (NUMBERED_PAGES + 1) * PER_PAGE
    assert headlines(followed)[0] == f"{start:03d}"
    # A number past the last page ends on the last page; a malformed one is the first page.
    last = client.get(f"{url}?page=999", follow=True).content.decode()
    assert headlines(last)[-1] == f"{STORY_COUNT - 1:03d}"
    assert headlines(client.get(f"{url}?page=abc").content.decode())[0] == "000"


@pytest.mark.parametrize(
    "query", ["before=abc", "before=", "after=-3", "before=99999999", "after=1e5", "before=9" * 14]
)
def test_bad_cursors_are_bad_requests(client, city, stories, query):
    response = client.get(f"{city.get_absolute_url()}?{query}")
    assert response.status_code == 400


def test_cursors_page_themes_columns_and_photo_news(client, city, stories):
    column_url = stories.get_absolute_url()  # percent-encoded, as in the links
    html = client.get(f"{column_url}?page={NUMBERED_PAGES}").content.decode()
    older = link(html, "next")
    assert older.startswith(f"{column_url}?before=")
    deeper = client.get(older).content.decode()
    assert headlines(deeper)[0] == f"{NUMBERED_PAGES * PER_PAGE:03d}"
    assert client.get("/photos/?before=xyz").status_code == 400


def test_cached_pages_are_kept_apart_by_cursor(client, city, stories, settings):
    settings.NEWS_PAGE_CACHE_SECONDS = 300
    url = city.get_absolute_url()
    fifth = client.get(f"{url}?page={NUMBERED_PAGES}").content.decode()
    older = link(fifth, "next")
    first_sight = headlines(client.get(older).content.decode())
    assert headlines(client.get(older).content.decode()) == first_sight
    assert headlines(client.get(url).content.decode())[0] == "000"
    assert first_sight[0] != "000"
