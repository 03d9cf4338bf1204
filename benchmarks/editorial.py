"""The review desk under load: list, index and story pages, workflow steps, version diffs.

Prints the median time of a few runs and the SQL query count of each page, on a desk holding
100 and then 1,000 stories in every status. Run: DEBUG=1 .venv/bin/python benchmarks/editorial.py
"""

import statistics
import time

import _setup  # noqa: F401  (configures Django)
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

RUNS = 5
STATUSES = ["draft", "review", "published", "withdrawn", "returned"]


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


def fill_desk(union, reporter, editor, count, start):
    from editorial.services import filing

    for n in range(start, start + count):
        article = filing.file_draft(
            actor=reporter,
            union=union,
            headline=f"基准稿件{n}",
            body="\n\n".join(f"第{p}段,工会为职工办实事、解难事。" * 5 for p in range(8)),
            bylines=[("reporter", "陈雪"), ("correspondent", "王志刚")],
        )
        filing.drive_to_status(
            article=article,
            status=STATUSES[n % len(STATUSES)],
            author=reporter,
            editor=editor,
            reason="基准测试。",
        )


def page_figures(client, label, url, params=None):
    get = lambda: client.get(url, params or {})  # noqa: E731
    assert get().status_code == 200, url
    print(f"  {label:<34} {median_time(get) * 1000:7.1f} ms  {query_count(get):3d} queries")


def main():
    from django.contrib.auth.models import Group

    from editorial import diff
    from editorial.services import filing, transitions
    from tests.factories import make_union, make_user

    with _setup.benchmark_database():
        union = make_union("宿州市总工会", kind="city")
        reporter = make_user("reporter", is_staff=True, first_name="陈雪")
        reporter.groups.add(Group.objects.get(name="Reporter"))
        editor = make_user("editor", is_staff=True, first_name="李明", email="e@example.org")
        editor.groups.add(Group.objects.get(name="Editor"))
        client = Client()
        client.force_login(editor)
        changelist = reverse("admin:articles_article_changelist")

        filled = 0
        for total in (100, 1000):
            start = time.perf_counter()
            fill_desk(union, reporter, editor, total - filled, filled)
            per_story = (time.perf_counter() - start) / (total - filled)
            filled = total
            story = filing.file_draft(actor=reporter, union=union, headline="样稿", body="正文。")
            print(
                f"{total} stories (filed and moved through the workflow: "
                f"{per_story * 1000:.1f} ms per story)"
            )
            page_figures(client, "story list, 100 a page", changelist)
            page_figures(client, "review queue", changelist, {"status": "review"})
            page_figures(client, "list filtered by union", changelist, {"union": union.pk})
            page_figures(client, "list searched", changelist, {"q": "稿件"})
            page_figures(client, "admin index (desk summary)", reverse("admin:index"))
            page_figures(
                client, "story page", reverse("admin:articles_article_change", args=[story.pk])
            )
            story.delete()

        def cycle():
            article = filing.file_draft(actor=reporter, union=union, headline="流转", body="正文。")
            transitions.submit(article=article, actor=reporter, notify=False)
            transitions.approve(article=article, actor=editor, notify=False)

        cycle_time = median_time(cycle, runs=20)
        print(f"file + submit + approve (each step locked, recorded): {cycle_time * 1000:.1f} ms")

        long_body = "\n\n".join(f"第{n}段。" + "职工之家建设稳步推进," * 20 for n in range(60))
        edited = long_body.replace("第30段。", "第三十段。").replace("第7段。", "")
        old, new = {"body": long_body}, {"body": edited}
        diff_time = median_time(lambda: diff.compare(old, new))
        print(f"diff of a {len(long_body):,}-character body: {diff_time * 1000:.1f} ms")


if __name__ == "__main__":
    main()
