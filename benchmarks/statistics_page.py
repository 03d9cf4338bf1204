"""The 信息工作 statistics page at scale: 100k stories, 1,000 correspondents, 500 unions.

Run with `DEBUG=1 .venv/bin/python benchmarks/statistics_page.py` (a fresh SQLite file), or with
DATABASE_URL=postgres://... for PostgreSQL (the target: under 300 ms for a year). STORIES,
CORRESPONDENTS and UNIONS change the sizes. It prints the median time of each page and of its
SQL, its query count (the same at every size) and how busy the machine was.
"""

import datetime
import os
import statistics
import time

import _setup  # noqa: F401  (configures Django)
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from correspondents.models import Correspondent, Filing
from editorial import my_desk
from editorial.roles import EDITOR
from photos.models import Photo
from reporting import figures, summary
from reporting.models import Adoption, FrontPageLead, Outlet
from reporting.periods import Period, current_quarter
from tests.factories import make_user
from unions.models import Union

STORY_COUNT = int(os.environ.get("STORIES", "100000"))
CORRESPONDENT_COUNT = int(os.environ.get("CORRESPONDENTS", "1000"))
UNION_COUNT = int(os.environ.get("UNIONS", "500"))
RUNS = 5
GENRES = ["news"] * 6 + ["feature", "photo", "commentary", "news"]


def build():
    province = Union.objects.create(name="安徽省总工会", kind="province")
    cities = [
        Union.objects.create(name=f"第{number}市总工会", parent=province, kind="city")
        for number in range(16)
    ]
    unions = [province, *cities]
    while len(unions) < UNION_COUNT:
        parent = cities[len(unions) % len(cities)]
        unions.append(
            Union.objects.create(name=f"第{len(unions)}基层工会", parent=parent, kind="enterprise")
        )
    people = Correspondent.objects.bulk_create(
        Correspondent(name=f"通讯员{number}", union=unions[number % len(unions)])
        for number in range(CORRESPONDENT_COUNT)
    )
    now = timezone.now()
    span = 365 * 24 * 60  # a year of minutes
    statuses = ["published"] * 8 + ["draft", "withdrawn"]
    articles = Article.objects.bulk_create(
        (
            Article(
                union=unions[number % len(unions)],
                headline=f"第{number}号稿件",
                body="正文。",
                genre=GENRES[number % len(GENRES)],
                status=statuses[number % len(statuses)],
                publish_at=now - datetime.timedelta(minutes=(number * 7919) % span + 1),
            )
            for number in range(STORY_COUNT)
        ),
        batch_size=5000,
    )
    # A third of the stories came from correspondents' filings; as many filings were not used.
    filings = []
    for number, article in enumerate(articles[::3]):
        person = people[number % len(people)]
        filings.append(
            Filing(
                correspondent=person,
                union=article.union,
                headline="来稿",
                body="正文",
                state="accepted",
                article=article,
                submitted_at=article.publish_at - datetime.timedelta(hours=5),
            )
        )
        filings.append(
            Filing(
                correspondent=person,
                union=person.union,
                headline="来稿",
                body="正文",
                state="declined",
                submitted_at=article.publish_at - datetime.timedelta(hours=7),
            )
        )
    Filing.objects.bulk_create(filings, batch_size=5000)
    Photo.objects.bulk_create(
        (
            Photo(article=article, image=f"photos/bench/{article.pk}.jpg", width=1200, height=800)
            for article in articles[::4]
        ),
        batch_size=5000,
    )
    outlets = list(Outlet.objects.all())
    Adoption.objects.bulk_create(
        (
            Adoption(
                article=article,
                outlet=outlets[number % len(outlets)],
                date=timezone.localtime(article.publish_at).date(),
            )
            for number, article in enumerate(articles[::10])
        ),
        batch_size=5000,
    )
    today = timezone.localdate()
    FrontPageLead.objects.bulk_create(
        FrontPageLead(
            date=today - datetime.timedelta(days=day), article=articles[(day * 50) % len(articles)]
        )
        for day in range(365)
    )
    # bulk_create bypasses the models' signals: the summary is worked out once, as after an import.
    started = time.perf_counter()
    rows = summary.rebuild()
    print(f"summary rebuilt: {rows} rows in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def median_ms(function, *args):
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function(*args)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure(client, url):
    """Median milliseconds of the whole request, of its SQL and of this process's CPU (which a
    busy machine inflates less than the wall clock), and the most queries."""
    timings, sql_timings, cpu_timings, counts = [], [], [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(queries))
        sql_timings.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
    return (
        statistics.median(timings),
        statistics.median(sql_timings),
        statistics.median(cpu_timings),
        max(counts),
    )


def main():
    with _setup.benchmark_database():
        started = time.perf_counter()
        build()
        print(
            f"built {Union.objects.count()} unions, {Article.objects.count()} stories, "
            f"{Correspondent.objects.count()} correspondents, {Filing.objects.count()} filings, "
            f"{Adoption.objects.count()} adoptions in {time.perf_counter() - started:.1f} s "
            f"on {connection.vendor}"
        )
        editor = make_user("bench-editor", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITOR))
        client = Client()
        client.force_login(editor)
        today = timezone.localdate()
        quarter = (today.month - 1) // 3 + 1
        city = Union.objects.get(name="第3市总工会")
        pages = {
            "statistics, quarter": f"/admin/statistics/?period=quarter&year={today.year}"
            f"&quarter={quarter}",
            "statistics, year": f"/admin/statistics/?period=year&year={today.year}",
            "statistics, 12 months": "/admin/statistics/?period=range"
            f"&start={today - datetime.timedelta(days=364)}&end={today}",
            "one city, 12 months": "/admin/statistics/?period=range"
            f"&start={today - datetime.timedelta(days=364)}&end={today}&union={city.pk}",
            "xlsx, 12 months": "/admin/statistics/export.xlsx?period=range"
            f"&start={today - datetime.timedelta(days=364)}&end={today}",
            "通报, 12 months": "/admin/statistics/bulletin/?period=range"
            f"&start={today - datetime.timedelta(days=364)}&end={today}",
        }
        # A busy machine slows every figure: say how busy it was.
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'page':<24} {'median ms':>10} {'SQL ms':>8} {'CPU ms':>8} {'queries':>8}")
        for name, url in pages.items():
            milliseconds, sql_milliseconds, cpu_milliseconds, queries = measure(client, url)
            print(
                f"{name:<24} {milliseconds:10.1f} {sql_milliseconds:8.1f} "
                f"{cpu_milliseconds:8.1f} {queries:8d}"
            )
        # Every admin page's sidebar counts the user's desk (editorial.my_desk, one query over
        # the stories' desk status): part of each page above, not of the statistics.
        print(
            "of each admin page: My desk's sidebar counts "
            f"{median_ms(my_desk.counts, editor):.1f} ms"
        )
        print("the figures alone (reporting.figures.statistics):")
        year = Period("year", datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))
        months = Period("range", today - datetime.timedelta(days=364), today)
        for name, period, scope in [
            ("quarter", current_quarter(), None),
            ("year", year, None),
            ("12 months", months, None),
            ("one city, 12 months", months, city),
        ]:
            print(f"  {name:<22} {median_ms(figures.statistics, period, scope):10.1f} ms")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
