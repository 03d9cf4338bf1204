"""Public pages: queries and response times with 2000 stories, cold and warm page cache.

Run with `DEBUG=1 .venv/bin/python benchmarks/public_pages.py` (a fresh SQLite file), or with
DATABASE_URL=postgres://... to measure on PostgreSQL. STORIES=5000 changes the size.
"""

import os
import statistics
import time

import _setup  # noqa: F401  (configures Django)
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Byline, Column
from photos.models import Photo
from unions.models import Union

STORY_COUNT = int(os.environ.get("STORIES", "2000"))
RUNS = 5
THEMES = ["职工之家", "集体协商", "劳模", "普惠服务", "困难职工帮扶", "乡村振兴", "关爱职工子女"]
CITIES = ["合肥", "淮北", "亳州", "宿州", "蚌埠", "阜阳", "淮南", "滁州"]
CITIES += ["六安", "马鞍山", "芜湖", "宣城", "铜陵", "池州", "安庆", "黄山"]


def build():
    """The province, 16 cities with 4 county unions each, and STORY_COUNT stories among them."""
    province = Union.objects.create(name="安徽省总工会", kind="province")
    unions = [province]
    for city_name in CITIES:
        city = Union.objects.create(name=f"{city_name}市总工会", parent=province, kind="city")
        unions.append(city)
        for county in range(4):
            unions.append(
                Union.objects.create(
                    name=f"{city_name}第{county + 1}县总工会", parent=city, kind="county"
                )
            )
    column = Column.objects.create(name="一线故事", slug="一线故事")
    tags = [Tag.objects.create(name=name) for name in THEMES]
    now = timezone.now()
    statuses = ["published"] * 8 + ["draft", "withdrawn"]
    Article.objects.bulk_create(
        Article(
            union=unions[number % len(unions)],
            headline=f"第{number}号稿件:职工之家建设又有新进展",
            body="本报讯 近日,工会组织开展活动。\n\n## 小标题\n\n职工积极参与,反响热烈。",
            genre="photo" if number % 10 == 0 else "news",
            is_staff_report=True,
            column=column if number % 7 == 0 else None,
            status=statuses[number % len(statuses)],
            publish_at=now - timezone.timedelta(minutes=10 * number + 1),
        )
        for number in range(STORY_COUNT)
    )
    articles = list(Article.objects.order_by("pk"))
    ArticleTheme.objects.bulk_create(
        ArticleTheme(content_object=article, tag=tags[(article.pk + shift) % len(tags)])
        for article in articles
        for shift in (0, 3)
    )
    Byline.objects.bulk_create(
        Byline(article=article, position=position, role=role, name=name)
        for article in articles
        for position, (role, name) in enumerate([("reporter", "陈雪"), ("editor", "李文华")])
    )
    # Photo rows only: the pages read the stored size and names, never the files.
    Photo.objects.bulk_create(
        Photo(
            article=article,
            image=f"photos/bench/{article.pk}.jpg",
            width=1200,
            height=800,
            caption="活动现场",
            credit="姚佳佳",
            is_lead=True,
        )
        for article in articles
        if article.pk % 3 == 0 or article.genre == "photo"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    published = Article.objects.published()
    return {
        "home": "/",
        "union index": "/unions/",
        "city": Union.objects.get(name="宿州市总工会").get_absolute_url(),
        "city, page 5": Union.objects.get(name="宿州市总工会").get_absolute_url() + "?page=5",
        "county": Union.objects.get(name="宿州第1县总工会").get_absolute_url(),
        "theme": "/themes/职工之家/",
        "column": column.get_absolute_url(),
        "photos": "/photos/",
        "story": published.newest_first().first().get_absolute_url(),
        "latest feed": "/feeds/latest/",
        "union feed": Union.objects.get(name="宿州市总工会").get_absolute_url() + "feed/",
        "theme feed": "/themes/职工之家/feed/",
        "sitemap": "/sitemap.xml",
    }


def measure(client, url, *, warm):
    """Median milliseconds and the query count of one request, with a cold or warm cache."""
    timings, query_counts = [], []
    for _ in range(RUNS):
        cache.clear()
        if warm:
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        query_counts.append(len(queries))
    return statistics.median(timings), max(query_counts)


def main():
    with _setup.benchmark_database():
        started = time.perf_counter()
        pages = build()
        print(
            f"built {Union.objects.count()} unions, {Article.objects.count()} stories "
            f"({Article.objects.published().count()} published), {Photo.objects.count()} photos "
            f"in {time.perf_counter() - started:.1f} s on {connection.vendor}"
        )
        client = Client()
        print(f"{'page':<14} {'cold ms':>8} {'queries':>8} {'warm ms':>8} {'queries':>8}")
        for name, url in pages.items():
            cold_ms, cold_queries = measure(client, url, warm=False)
            warm_ms, warm_queries = measure(client, url, warm=True)
            print(f"{name:<14} {cold_ms:8.1f} {cold_queries:8d} {warm_ms:8.2f} {warm_queries:8d}")


if __name__ == "__main__":
    main()
