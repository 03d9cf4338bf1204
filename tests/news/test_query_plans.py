"""No public page reads all the stories: each query's plan, on PostgreSQL, with 3,000 stories.

A sequential scan of the stories, their themes, bylines, photos or search documents is what
makes a page slower with every story published; the pages must find their rows through indexes
(or read the counts kept as fragments) instead.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Byline
from photos.models import Photo
from search.backends import refresh_vectors
from search.models import SearchDocument
from tests.factories import make_column, make_union

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans of PostgreSQL"
)

STORY_COUNT = 3000
STORY_TABLES = [
    "articles_article",
    "articles_articletheme",
    "articles_byline",
    "photos_photo",
    "search_searchdocument",
]
FULL_SCAN = re.compile(r"Seq Scan on (\w+)")


@pytest.fixture
def newsroom(city, other_city):
    county = make_union("泗县总工会", parent=city, kind="county")
    column = make_column()
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": name})[0]
        for name in ["劳模", "职工之家", "普惠"]
    ]
    unions = [city, county, other_city]
    now = timezone.now()
    stories = Article.objects.bulk_create(
        Article(
            union=unions[number % 3],
            headline=f"工会新闻第{number}号",
            body="职工之家建设又有新进展。\n\n劳模代表发言。",
            status="published" if number % 10 else "draft",
            publish_at=now - timezone.timedelta(minutes=number + 1),
            genre="photo" if number % 5 == 0 else "news",
            column=column if number % 4 == 0 else None,
        )
        for number in range(STORY_COUNT)
    )
    ArticleTheme.objects.bulk_create(
        ArticleTheme(content_object=story, tag=tags[number % 3])
        for number, story in enumerate(stories)
    )
    Byline.objects.bulk_create(
        Byline(article=story, role="reporter", name="陈雪") for story in stories
    )
    Photo.objects.bulk_create(
        Photo(article=story, image=f"photos/plan/{story.pk}.jpg", width=300, height=200)
        for story in stories
    )
    bodies = [" 职工之家 职工 之家 建设 ", " 劳模 代表 发言 ", " 普惠 服务 职工 "]
    names = ["陈雪", "王志刚", "李华", "张明", "刘芳"]
    SearchDocument.objects.bulk_create(
        SearchDocument(
            article=story,
            headline_terms=f" 工会 新闻 第 {number} 号 ",
            body_terms=bodies[number % 3],
            credit_terms=f" {names[number % 5]} ",
            text=f"{story.headline}\n{bodies[number % 3]}\n{names[number % 5]}",
        )
        for number, story in enumerate(stories)
    )
    refresh_vectors(SearchDocument.objects.all())
    with connection.cursor() as cursor:
        # What autovacuum does in production: move the GIN index's pending entries into it.
        cursor.execute("SELECT gin_clean_pending_list('search_document_vector'::regclass)")
        cursor.execute("ANALYZE")
    newest = Article.objects.published().newest_first().first()
    # Page 40 of the city, as a reader reaches it by "Older stories" (news.paging's cursor).
    above_page_40 = (
        Article.objects.published().by_union(city).newest_first().values_list("pk", flat=True)
    )[39 * 20 - 1]
    return {
        "home": "/",
        "unions": "/unions/",
        "city": city.get_absolute_url(),
        # The first page is kept with the fragments; the second is read by the same query.
        "city, page 2": f"{city.get_absolute_url()}?page=2",
        "city, page 40": f"{city.get_absolute_url()}?before={above_page_40}",
        "city, newer than page 40": f"{city.get_absolute_url()}?after={above_page_40}",
        "county": county.get_absolute_url(),
        "theme": "/themes/劳模/",
        "column": column.get_absolute_url(),
        "photos": "/photos/",
        "story": newest.get_absolute_url(),
        "latest feed": "/feeds/latest/",
        "union feed": f"{city.get_absolute_url()}feed/",
        "theme feed": "/themes/劳模/feed/",
        "search 工会": "/search/?q=工会",
        "search two words": "/search/?q=劳模 陈雪",
        "search rare word": "/search/?q=2999",
    }


def page_plans(client, url, explain="EXPLAIN"):
    """The page (requested again once its fragments are built) and the plan of each of its
    SELECT queries: [(sql, plan)]."""
    client.get(url)  # builds the fragments a publication renews
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    plans = []
    for query in queries:
        if not query["sql"].lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"{explain} {query['sql']}")
            plans.append((query["sql"], "\n".join(row[0] for row in cursor.fetchall())))
    return response, plans


def test_no_public_page_scans_all_the_stories(client, settings, newsroom):
    settings.NEWS_PAGE_CACHE_SECONDS = 0
    scans = {}
    for page, url in newsroom.items():
        response, plans = page_plans(client, url)
        assert response.status_code == 200, page
        for sql, plan in plans:
            scanned = set(FULL_SCAN.findall(plan)) & set(STORY_TABLES)
            if scanned:
                scans.setdefault(page, []).append(f"{sorted(scanned)}: {sql[:200]}")
    assert scans == {}, "\n".join(f"{page}: {found}" for page, found in scans.items())


FILTERED_OUT = re.compile(r"Rows Removed by (?:Join )?Filter: (\d+)")


def test_a_small_unions_page_reads_its_own_stories_not_the_sites_newest(
    client, settings, newsroom, city
):
    """A union of a few old stories: its page finds them through its own index. Joined to the
    unions by path, the query walked every newer story of the site to find them."""
    settings.NEWS_PAGE_CACHE_SECONDS = 0
    small = make_union("某某公司工会", parent=city, kind="enterprise")
    long_ago = timezone.now() - timezone.timedelta(days=3650)
    Article.objects.bulk_create(
        Article(
            union=small,
            headline=f"小工会的旧闻{number}",
            body="职工之家建设。",
            status="published",
            publish_at=long_ago - timezone.timedelta(days=number),
        )
        for number in range(5)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    # Its first page is kept with the fragments once built: "?page=2" (which shows the only
    # page) reads the stories by the query that builds it.
    for url in [f"{small.get_absolute_url()}?page=2", f"{small.get_absolute_url()}feed/"]:
        response, plans = page_plans(client, url, explain="EXPLAIN ANALYZE")
        assert "小工会的旧闻0" in response.content.decode()
        for sql, plan in plans:
            passed_over = sum(int(rows) for rows in FILTERED_OUT.findall(plan))
            assert passed_over < 100, f"{url}: {sql[:300]}\n{plan}"
