"""Union tree: the subtree query stays one query and fast as the tree and the news grow."""

import time

import _setup  # noqa: F401  (configures Django)
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from unions.models import Union


def build(cities, counties, enterprises, stories_per_union):
    province = Union.objects.create(name="安徽省总工会", kind="province")
    now = timezone.now()
    for c in range(cities):
        city = Union.objects.create(name=f"城市{c}市总工会", parent=province, kind="city")
        for k in range(counties):
            county = Union.objects.create(name=f"城市{c}县{k}总工会", parent=city, kind="county")
            for e in range(enterprises):
                Union.objects.create(
                    name=f"城市{c}县{k}企业{e}工会", parent=county, kind="enterprise"
                )
    Article.objects.bulk_create(
        Article(
            union=union,
            headline=f"稿件{union.pk}-{n}",
            body="正文。",
            status="published",
            publish_at=now - timezone.timedelta(minutes=n),
        )
        for union in Union.objects.all()
        for n in range(stories_per_union)
    )
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load; without it the planner guesses wrong.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Union.objects.get(name="城市0市总工会")


def main():
    with _setup.benchmark_database():
        started = time.perf_counter()
        city = build(cities=16, counties=8, enterprises=10, stories_per_union=5)
        print(
            f"built {Union.objects.count()} unions, {Article.objects.count()} stories "
            f"in {time.perf_counter() - started:.1f} s on {connection.vendor}"
        )
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            for _ in range(100):
                list(Article.objects.published().by_union(city).newest_first()[:20])
            elapsed = (time.perf_counter() - started) / 100
        subtree_size = Union.objects.subtree(city).count()
        print(
            f"a city's latest 20 stories (subtree of {subtree_size} unions): "
            f"{elapsed * 1000:.2f} ms, {len(queries) // 100} query"
        )
        county = Union.objects.filter(parent=city).first()
        started = time.perf_counter()
        county.parent = Union.objects.get(name="城市1市总工会")
        county.save()
        print(
            f"moving a county with {Union.objects.descendants(county).count()} sub-unions: "
            f"{(time.perf_counter() - started) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
