"""The editorial calendar, the coverage balance and a calendar feed on a busy federation.

16 city federations with 6 county federations and 5 enterprise unions each; 20 and then 80
stories published a day over the last 90 days, 3 and then 12 a day scheduled for the next 30,
and 400 story ideas. Prints the median time of a few runs and the SQL query count of each page.
Run: DEBUG=1 .venv/bin/python benchmarks/planning.py
"""

import random
import statistics
import time
from datetime import timedelta

import _setup  # noqa: F401  (configures Django)
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

RUNS = 5


def median_time(function, runs=RUNS):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def query_count(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def figures(label, function):
    print(
        f"  {label:<44} {median_time(function) * 1000:7.1f} ms  {query_count(function):3d} queries"
    )


def federation():
    from tests.factories import make_union

    province = make_union("安徽省总工会", kind="province")
    unions = []
    for c in range(16):
        city = make_union(f"基准{c}市总工会", parent=province, kind="city")
        unions.append(city)
        for k in range(6):
            county = make_union(f"基准{c}市{k}县总工会", parent=city, kind="county")
            unions.append(county)
            for e in range(5):
                unions.append(
                    make_union(f"基准{c}-{k}-{e}企业工会", parent=county, kind="enterprise")
                )
    return unions


def add_stories(unions, per_day, scheduled_per_day, rng):
    """Published rows written directly: the benchmark measures reading them, not filing."""
    from articles.models import Article

    now = timezone.now()
    minutes = [-rng.randint(1, 90 * 24 * 60) for _ in range(per_day * 90)]
    minutes += [rng.randint(1, 30 * 24 * 60) for _ in range(scheduled_per_day * 30)]
    rows = [
        Article(
            union=rng.choice(unions),
            headline=f"基准稿件{n}",
            body="正文。",
            status="published",
            publish_at=now + timedelta(minutes=offset),
        )
        for n, offset in enumerate(minutes)
    ]
    Article.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def main():
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from planning import services
    from planning.coverage import coverage
    from planning.feeds import build_calendar, renew_feed
    from tests.factories import make_user

    rng = random.Random(13)
    with _setup.benchmark_database():
        unions = federation()
        editor = make_user("editor", is_staff=True, first_name="李明", email="e@example.org")
        editor.groups.add(Group.objects.get(name="Editor"))
        reporter = make_user("reporter", is_staff=True, first_name="陈雪")
        reporter.groups.add(Group.objects.get(name="Reporter"))
        now = timezone.now()
        for n in range(400):
            idea = services.propose(
                actor=reporter,
                title=f"基准选题{n}",
                union=rng.choice(unions),
                event_at=now + timedelta(hours=rng.randint(-500, 700)),
                notify=False,
            )
            if n % 4:
                services.approve(assignment=idea, actor=editor)
                services.assign(
                    assignment=idea,
                    actor=editor,
                    assignee=reporter,
                    due_at=now + timedelta(hours=rng.randint(1, 700)),
                    notify=False,
                )
        client = Client()
        client.force_login(editor)
        calendar_url = reverse("admin:planning_calendar")
        feed = renew_feed(user=editor)
        feed_url = reverse("planning:ical", args=[feed.token])
        total = published_a_day = scheduled_a_day = 0
        # Rounds add to the stories already there: 20 + 60 = 80 published a day.
        for per_day, scheduled_per_day in ((20, 3), (60, 9)):
            total += add_stories(unions, per_day, scheduled_per_day, rng)
            published_a_day += per_day
            scheduled_a_day += scheduled_per_day
            print(
                f"{total} stories ({published_a_day} a day published, {scheduled_a_day} a day "
                f"scheduled), {len(unions)} unions, 400 story ideas"
            )
            figures("calendar, this month (editor)", lambda: client.get(calendar_url))
            figures(
                "calendar, this week",
                lambda: client.get(calendar_url, {"week": timezone.localdate().isoformat()}),
            )
            figures("coverage balance alone (aggregate query)", lambda: coverage(days=30))
            figures("iCalendar feed (editor: schedule too)", lambda: client.get(feed_url))
            figures("feed built without HTTP", lambda: build_calendar(editor).to_ical())
            figures("admin index with My desk (reporter)", lambda: _index(reporter))


def _index(user):
    client = Client()
    client.force_login(user)
    return client.get("/admin/")


if __name__ == "__main__":
    main()
