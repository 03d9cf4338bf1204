"""Scale: every public page, search and the desk at 1,000 and 100,000 stories, on PostgreSQL.

    make benchmark-scale                      # both sizes, then gunicorn + wrk
    .venv/bin/python benchmarks/scale.py      # the same
    SCALE_SIZES=1000 .venv/bin/python benchmarks/scale.py --no-http

Each size lives in its own database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/newsroom_i16_bench, suffixed _1000 and _100000). It is built
once with COPY (a progress line shows stories per second) and kept for the next run;
--rebuild builds it again. Pages are measured in-process with the page cache off (the fragments
that a publication renews are built by the first request, as after a publication), then
gunicorn (2 sync workers, DEBUG off) and wrk (16 connections, 3 interleaved rounds) compare a
union's list with the cache off, cached pages, a template-only page and a bare view in the same
run, on the largest size. Ports 9640-9641 on 127.0.0.1
(SCALE_HTTP_PORT); every load run stops by itself.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsroom_i16_bench"
SIZES = [int(size) for size in os.environ.get("SCALE_SIZES", "1000,100000").split(",")]
PAGE_RUNS = 15
HTTP_PORT = int(os.environ.get("SCALE_HTTP_PORT", "9640"))  # and the next port
WRK_SECONDS = 8
WRK_ROUNDS = 2

CITIES = ["合肥", "淮北", "亳州", "宿州", "蚌埠", "阜阳", "淮南", "滁州"]
CITIES += ["六安", "马鞍山", "芜湖", "宣城", "铜陵", "池州", "安庆", "黄山"]
THEMES = [
    "职工之家", "集体协商", "劳模", "普惠服务", "困难职工帮扶", "乡村振兴", "关爱职工子女",
    "金秋助学", "送温暖", "技能竞赛", "安全生产", "女职工", "农民工", "新就业形态",
    "户外劳动者驿站", "职工书屋", "法律援助", "工资集体协商", "劳动竞赛", "职工疗休养",
]  # fmt: skip
SUBJECTS = ["市总工会", "县总工会", "企业工会", "社区工会", "女职工委员会", "工会干部", "劳模代表"]
ACTIONS = ["开展", "举办", "推进", "启动", "召开", "组织", "深化"]
TOPICS = [
    "职工之家建设", "劳模贷发放", "职工书屋建设", "困难职工帮扶", "工资集体协商", "普惠服务",
    "四点半课堂", "送温暖活动", "技能竞赛", "党史学习教育", "安全生产培训", "金秋助学",
    "户外劳动者驿站建设",
]  # fmt: skip
CLAUSES = [
    "吸引了全市十支队伍参加", "进一步增强了职工的获得感和幸福感", "把党的温暖送到职工心坎上",
    "为一线职工办实事、解难题", "现场气氛热烈", "与会人员围绕工作重点交流了经验",
    "切实维护职工合法权益", "推动工会工作高质量发展", "受到了职工群众的普遍欢迎",
    "累计服务职工三千余人次", "银行为劳模提供免担保贷款", "孩子们放学后有了好去处",
]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "志刚雪佳明华丽强军平芳勇艳杰娟涛超秀英"
# A rare word is in a handful of stories whatever the size: three, the newest, one from the
# middle and one of the oldest (all published: 17 is a published place in STATUS_CYCLE), so
# that its result page lists as many stories at 1,000 as at 100,000 and the two compare the
# search, not pages of one and of twenty results.
RARE_WORD = "茶园"


def rare_word_stories(size):
    return {17, 40 * (size // 80) + 17, 40 * (size // 40 - 1) + 17}


SEARCHES = [
    "工会", "劳模", "职工之家", "茶", "劳模贷 合肥", "陈雪", "困难职工帮扶", "四点半课堂",
    "宿州 技能竞赛", "安全生产培训", "金秋", "助学", "驿站", "茶园", "航天飞机", "工", "会",
    "职工书屋建设", "把党的温暖送到职工心坎上", "集体协商 工资", "王志刚", "李雪", "马鞍山",
    "黄山 送温暖", "现场气氛热烈", "合肥市总工会", "女职工委员会", "普惠", "服务", "学习教育",
    "党史", "蚌埠", "淮南 劳模", "亳州", "高质量发展", "孩子们", "免担保贷款", "一线职工",
    "获得感", "幸福感", "交流了经验", "竞赛", "疗休养", "新就业形态", "农民工", "法律援助",
    "三千余人次", "芜湖 职工", "铜陵", "不存在的词语组合",
]  # fmt: skip


def database_url(size):
    return f"{os.environ.get('BENCH_DATABASE_URL', DEFAULT_URL)}_{size}"


# Building a database (child process, Django set up on that database)


def setup_django(size):
    os.environ["DATABASE_URL"] = database_url(size)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks._scale_settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_database(size):
    import psycopg

    name = database_url(size).rsplit("/", 1)[1]
    server = database_url(size).rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def copy_rows(cursor, model, objects):
    """Write model instances with COPY, each field prepared as bulk_create would prepare it.

    Explicit created/updated times are kept (bulk_create would stamp them all "now"), so the
    desk's lists have the spread of times a real newsroom has.
    """
    from django.db import connection

    if not objects:
        return
    # Ids the caller did not choose are the database's to give.
    fields = [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key and objects[0].pk is None)
    ]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    stamped = {
        field.attname
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    }
    with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row(
                [
                    field.get_db_prep_save(
                        getattr(obj, field.attname)
                        if field.attname in stamped and getattr(obj, field.attname) is not None
                        else field.pre_save(obj, True),
                        connection,
                    )
                    for field in fields
                ]
            )


def reset_identity(cursor, *tables):
    for table in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
        )


# Which desk status each story of a cycle of 40 is in: 90 % published (a few withdrawn later),
# the rest drafts (half of them returned by an editor) and stories in review.
STATUS_CYCLE = ["published"] * 36 + ["draft", "withdrawn", "review", "returned"]
REPORTERS = 20


def story_events(story, kind, reporter, editor):
    """The events the workflow would have recorded on the way to the story's status."""
    from editorial.models import ArticleEvent

    Kind = ArticleEvent.Kind
    hour = timedelta(hours=1)
    start = story.created_at
    steps = [(Kind.CREATED, "draft", "draft", reporter, start, None, "")]
    if kind != "draft":
        steps.append((Kind.SUBMITTED, "draft", "review", reporter, start + hour, None, ""))
    if kind == "returned":
        steps.append(
            (Kind.RETURNED, "review", "draft", editor, start + 2 * hour, None, "请补充采访对象")
        )
    if kind in ("published", "withdrawn"):
        steps.append(
            (Kind.APPROVED, "review", "published", editor, story.publish_at, story.publish_at, "")
        )
    if kind == "withdrawn":
        steps.append(
            (Kind.WITHDRAWN, "published", "withdrawn", editor, story.updated_at, None, "重复稿件")
        )
    return [
        ArticleEvent(
            article_id=story.pk,
            kind=kind_,
            from_status=before,
            to_status=after,
            actor=actor,
            created_at=when,
            publish_at=publish_at,
            reason=reason,
        )
        for kind_, before, after, actor, when, publish_at, reason in steps
    ]


def build(size, rng):
    """Unions, themes, columns and `size` stories with bylines, themes, photos, events and
    search documents, written with COPY.

    Search documents are what the application makes of each story (search.indexing's own
    document_source, document_terms and normalize, and the same weighted vector as
    search.backends.refresh_vectors), but each distinct headline, body and credit line is cut
    and turned into a vector once: the stories are made of a few thousand of them.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.utils import timezone
    from taggit.models import Tag

    from articles import body as body_format
    from articles.models import Article, ArticleTheme, Byline, Column
    from editorial import roles
    from editorial.models import ArticleEvent
    from newsroom.progress import Progress
    from photos.models import Photo
    from search.backends import CONFIG
    from search.indexing import DocumentSource
    from search.segmentation import document_terms, normalize
    from unions.models import Union

    started = time.perf_counter()
    with connection.cursor() as cursor:
        tables = [
            "search_searchdocument", "photos_photo", "articles_byline", "articles_articletheme",
            "editorial_articleevent", "articles_article", "articles_column", "taggit_tag",
            "unions_union",
        ]  # fmt: skip
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    province = Union.objects.create(name="安徽省总工会", kind="province")
    unions = [province]
    for city_name in CITIES:
        city = Union.objects.create(name=f"{city_name}市总工会", parent=province, kind="city")
        unions.append(city)
        for county in range(4):
            county_union = Union.objects.create(
                name=f"{city_name}第{county + 1}县总工会", parent=city, kind="county"
            )
            unions.append(county_union)
            unions.append(
                Union.objects.create(
                    name=f"{city_name}第{county + 1}县机械厂工会",
                    parent=county_union,
                    kind="enterprise",
                )
            )
    columns = [
        Column.objects.create(name=name, slug=name)
        for name in ["一线故事", "劳模风采", "维权在线", "工会论坛"]
    ]
    tags = [Tag.objects.create(name=name, slug=name) for name in THEMES]
    users = get_user_model().objects
    roles.ensure_groups()
    reporters = []
    for number in range(REPORTERS):
        reporter, _ = users.get_or_create(
            username=f"bench-reporter-{number}", defaults={"is_staff": True}
        )
        reporter.groups.add(Group.objects.get(name=roles.REPORTER))
        reporters.append(reporter)
    editor, _ = users.get_or_create(username="bench-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name=roles.EDITOR))

    paragraphs = [
        "".join(
            f"{rng.choice(CITIES)}{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}"
            f"{rng.choice(TOPICS)}，{rng.choice(CLAUSES)}，{rng.choice(CLAUSES)}。"
            for _ in range(rng.randint(2, 5))
        )
        for _ in range(300)
    ]
    bodies = ["\n\n".join(rng.sample(paragraphs, rng.randint(4, 8))) for _ in range(500)]
    bodies += [body + f"\n\n{RARE_WORD}里的职工书屋开放了。" for body in bodies]
    profiles = [
        (rng.sample(tags, 2), rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)))
        for _ in range(400)
    ]
    headlines = [
        f"{rng.choice(CITIES)}{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{rng.choice(TOPICS)}"
        for _ in range(3000)
    ]
    kickers = ["", "聚焦基层"]

    # The searchable parts, each cut once: (weight, key) -> (source text).
    head_texts = {
        (kicker, headline): "\n".join(part for part in (kicker, headline) if part)
        for kicker in kickers
        for headline in headlines
    }
    body_texts = [
        "\n".join(block.text for block in body_format.parse(body) if block.text) for body in bodies
    ]
    credit_texts = [
        "\n".join([*(tag.name for tag in themes), name, "陈雪"]) for themes, name in profiles
    ]
    head_keys = {key: number for number, key in enumerate(head_texts)}
    parts = [
        *(("A", number, text) for number, text in enumerate(head_texts.values())),
        *(("B", number, text) for number, text in enumerate(body_texts)),
        *(("C", number, text) for number, text in enumerate(credit_texts)),
    ]
    cut = Progress(len(parts), "cutting distinct texts")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_part (weight char(1), key int, terms text, "
            "norm text, vector tsvector, PRIMARY KEY (weight, key))"
        )
        with cursor.copy("COPY bench_part (weight, key, terms, norm) FROM STDIN") as copy:
            for weight, key, text in parts:
                copy.write_row([weight, key, document_terms(text), normalize(text)])
                cut.advance()
        cut.finish()
        cursor.execute(
            "UPDATE bench_part SET vector = "
            "setweight(to_tsvector(%s::regconfig, COALESCE(terms, '')), weight::\"char\")",
            [CONFIG],
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE bench_story (article_id bigint, head int, body int, "
            "credits int, digest varchar(64))"
        )

    now = timezone.now()
    span_minutes = 3 * 365 * 24 * 60  # three years of news, whatever the size
    progress = Progress(size, f"stories ({size:,})")
    batch = 5000
    rare = rare_word_stories(size)
    for start in range(0, size, batch):
        stories, bylines, themes, photos, events, documents = [], [], [], [], [], []
        for number in range(start, min(start + batch, size)):
            pk = number + 1
            body = rng.randrange(500) + (500 if number in rare else 0)
            kicker, headline = rng.choice(kickers), rng.choice(headlines)
            profile = rng.randrange(len(profiles))
            kind = STATUS_CYCLE[number % len(STATUS_CYCLE)]
            reporter = reporters[number % REPORTERS]
            moment = now - timedelta(minutes=span_minutes * number / size + 1)
            status = {"returned": "draft"}.get(kind, kind)
            story = Article(
                pk=pk,
                union=rng.choice(unions[1:]),
                kicker=kicker,
                headline=headline,
                body=bodies[body],
                genre="photo" if number % 10 == 0 else "news",
                is_staff_report=number % 2 == 0,
                column=columns[number % len(columns)] if number % 7 == 0 else None,
                status=status,
                publish_at=moment if status in ("published", "withdrawn") else None,
                created_by=reporter,
                created_at=moment - timedelta(hours=3),
                updated_at=moment + timedelta(hours=5 if kind == "withdrawn" else 0),
            )
            stories.append(story)
            theme_tags, name = profiles[profile]
            themes += [ArticleTheme(content_object_id=pk, tag=tag) for tag in theme_tags]
            bylines += [
                Byline(article_id=pk, position=0, role="reporter", name=name),
                Byline(article_id=pk, position=1, role="editor", name="陈雪"),
            ]
            if pk % 3 == 0 or story.genre == "photo":
                photos.append(
                    Photo(
                        article_id=pk,
                        image=f"photos/bench/{pk}.jpg",
                        width=1200,
                        height=800,
                        caption="活动现场",
                        credit="姚佳佳/摄",
                        is_lead=True,
                    )
                )
            events += story_events(story, kind, reporter, editor)
            source = DocumentSource(
                headline=head_texts[kicker, headline],
                body=body_texts[body],
                credits=credit_texts[profile],
            )
            documents.append([pk, head_keys[kicker, headline], body, profile, source.digest])
        with connection.cursor() as cursor:
            copy_rows(cursor, Article, stories)
            copy_rows(cursor, ArticleTheme, themes)
            copy_rows(cursor, Byline, bylines)
            copy_rows(cursor, Photo, photos)
            copy_rows(cursor, ArticleEvent, events)
            with cursor.copy(
                "COPY bench_story (article_id, head, body, credits, digest) FROM STDIN"
            ) as copy:
                for row in documents:
                    copy.write_row(row)
        progress.advance(len(stories))
    count, seconds, rate = progress.finish()
    vectors_started = time.perf_counter()
    with connection.cursor() as cursor:
        reset_identity(
            cursor, "articles_article", "articles_articletheme", "articles_byline",
            "photos_photo", "editorial_articleevent",
        )  # fmt: skip
        # One CREATE INDEX after the rows is much faster than growing the GIN index row by row.
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_vector'")
        (index_definition,) = cursor.fetchone()
        cursor.execute("DROP INDEX search_document_vector")
        cursor.execute(
            "INSERT INTO search_searchdocument (article_id, headline_terms, body_terms, "
            "credit_terms, text, search_vector, source_digest, indexed_at, publish_at) "
            "SELECT s.article_id, '', '', '', h.norm || E'\\n' || b.norm || E'\\n' || c.norm, "
            "h.vector || b.vector || c.vector, s.digest, %s, a.publish_at FROM bench_story s "
            "JOIN articles_article a ON a.id = s.article_id "
            "JOIN bench_part h ON h.weight = 'A' AND h.key = s.head "
            "JOIN bench_part b ON b.weight = 'B' AND b.key = s.body "
            "JOIN bench_part c ON c.weight = 'C' AND c.key = s.credits",
            [now],
        )
        cursor.execute(index_definition)
        cursor.execute("DROP TABLE bench_story, bench_part")
        cursor.execute("VACUUM ANALYZE")
    total = time.perf_counter() - started
    print(
        f"built {count:,} stories in {total:.0f} s ({count / total:,.0f} stories/s; rows "
        f"{seconds:.0f} s at {rate:,.0f}/s, search documents and VACUUM ANALYZE "
        f"{time.perf_counter() - vectors_started:.0f} s)",
        file=sys.stderr,
    )


def is_built(size):
    from articles.models import Article
    from search.models import SearchDocument

    return (
        Article.objects.count() == size
        and SearchDocument.objects.filter(search_vector__isnull=False).count() == size
        # Built by an earlier layout of the rare word: built again.
        and Article.objects.filter(body__contains=RARE_WORD).count() == len(rare_word_stories(size))
    )


# Measuring (child process)


def database_ms(queries):
    """The database's own execution time of these queries (EXPLAIN ANALYZE), in ms.

    Unlike the wall-clock time it hardly depends on how busy the shared machine's CPUs are.
    """
    from django.db import connection

    total = 0.0
    with connection.cursor() as cursor:
        for query in queries:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                cursor.execute(f"EXPLAIN (ANALYZE) {query['sql']}")
                plan = cursor.fetchall()[-1][0]
                total += float(re.search(r"Execution Time: ([\d.]+)", plan).group(1))
    return total


def timed(client, url, runs=PAGE_RUNS):
    """(median ms, queries of the last request, status, database ms), fragments built."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # builds the fragments, as the first reader after a publication
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return (
        statistics.median(timings),
        len(queries),
        response.status_code,
        database_ms(queries.captured_queries),
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def pages():
    from taggit.models import Tag

    from articles.models import Article, Column
    from unions.models import Union

    city = Union.objects.get(name="宿州市总工会")
    county = Union.objects.get(name="宿州第1县总工会")
    story = Article.objects.published().newest_first().first()
    theme = Tag.objects.get(name="劳模")
    # Page 50 (or the last full page, in a small database), as a reader reaches it by "Older
    # stories": the stories older than the last one of the page before.
    ids = list(
        Article.objects.published()
        .by_union(city)
        .newest_first()
        .values_list("pk", flat=True)[: 49 * 20]
    )
    above_page_50 = ids[-1] if len(ids) == 49 * 20 else ids[max(len(ids) - 20, 1) - 1]
    return {
        "home": "/",
        "unions": "/unions/",
        "union": city.get_absolute_url(),
        "union, page 50": f"{city.get_absolute_url()}?before={above_page_50}",
        "county": county.get_absolute_url(),
        "theme": f"/themes/{theme.slug}/",
        "column": Column.objects.get(name="一线故事").get_absolute_url(),
        "story": story.get_absolute_url(),
        "photos": "/photos/",
        "latest feed": "/feeds/latest/",
        "union feed": city.get_absolute_url() + "feed/",
        "theme feed": f"/themes/{theme.slug}/feed/",
        "search 工会": "/search/?q=工会",
        "search two words": "/search/?q=劳模贷 合肥",
        "search rare word": f"/search/?q={RARE_WORD}",
    }


def measure(size):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    from articles.models import Article

    setup_test_environment()
    results = {"size": size, "pages": {}, "admin": {}, "union path": pages()["union"]}
    with override_settings(NEWS_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        client = Client()
        for name, url in pages().items():
            ms, queries, status, db_ms = timed(client, url)
            results["pages"][name] = {"ms": ms, "queries": queries, "status": status, "db": db_ms}

        timings = []
        for query in SEARCHES:
            started = time.perf_counter()
            client.get("/search/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
        timings = []
        for query in SEARCHES:
            started = time.perf_counter()
            client.get("/search/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
        results["search"] = {
            "p50": percentile(timings, 0.5),
            "p95": percentile(timings, 0.95),
            "p99": percentile(timings, 0.99),
        }

        user, _ = get_user_model().objects.get_or_create(
            username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
        )
        desk = Client()
        desk.force_login(user)
        # The desk as its members see it: an editor's index (My desk, 三审's queues for the
        # groups they belong to) and a reporter's (their own stories among everyone's).
        editor = get_user_model().objects.filter(username="bench-editor").first()
        reporter = get_user_model().objects.filter(username="bench-reporter-0").first()
        last_page = max(1, Article.objects.count() // 100 - 1)
        for name, url, who in [
            ("admin index", "/admin/", desk),
            ("story list", "/admin/articles/article/", desk),
            (f"story list, page {last_page}", f"/admin/articles/article/?p={last_page}", desk),
            ("story list search 工会", "/admin/articles/article/?q=工会", desk),
            ("story list search 陈雪", "/admin/articles/article/?q=陈雪", desk),
            ("review queue", "/admin/articles/article/?status=review", desk),
            ("returned drafts", "/admin/articles/article/?status=returned", desk),
            ("admin index, an editor", "/admin/", editor),
            ("admin index, a reporter", "/admin/", reporter),
        ]:
            if who is None:
                continue
            if not isinstance(who, Client):
                login, who = who, Client()
                who.force_login(login)
            ms, queries, status, db_ms = timed(who, url, runs=7)
            results["admin"][name] = {"ms": ms, "queries": queries, "status": status, "db": db_ms}

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size('search_searchdocument'), "
            "(SELECT avg(pg_column_size(d.*)) FROM search_searchdocument d)"
        )
        total, row = cursor.fetchone()
    results["search"]["bytes per story"] = total / size
    results["search"]["row bytes"] = float(row)
    return results


def child(size, rebuild):
    setup_django(size)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if rebuild or not is_built(size):
        build(size, random.Random(size))
    print(json.dumps(measure(size)))


# HTTP comparison (parent process)


def wrk(url, connections=16):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{WRK_SECONDS}s", "--timeout", "10s", "--latency",
         url],
        capture_output=True, text=True, timeout=WRK_SECONDS + 30,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", output)
    return rate, p50.group(1) if p50 else "?"


def memory_mb(pid):
    """(RSS, PSS, private dirty) of a process in MB: RSS counts every page the process maps,
    the ones shared with the master and the other worker included; PSS divides the shared ones
    among their sharers; private dirty is what the process alone wrote."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()

    def field(name):
        return int(re.search(rf"^{name}:\s+(\d+)", rollup, re.M).group(1)) / 1024

    return field("Rss"), field("Pss"), field("Private_Dirty")


def worker_memory_mb(master_pid):
    """memory_mb of each worker of a gunicorn master."""
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    return [memory_mb(pid) for pid in children]


def start_gunicorn(size, port, cache_seconds):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(size),
        "DJANGO_SETTINGS_MODULE": "benchmarks._scale_settings",
        "SCALE_HTTP": "1",
        "NEWS_PAGE_CACHE_SECONDS": str(cache_seconds),
        "SECRET_KEY": "scale-benchmark-only",
        "DEBUG": "",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
        # The workers serve the whole load without being replaced, so that their memory after
        # it is what a long-running worker holds.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "newsroom.wsgi", "-c", "newsroom/gunicorn.conf.py",
         "-b", f"127.0.0.1:{port}", "-w", "2", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    for _ in range(100):
        try:
            subprocess.run(
                ["curl", "-sf", "-o", "/dev/null", f"http://127.0.0.1:{port}/bench/bare/"],
                check=True, timeout=5,
            )  # fmt: skip
            return process
        except subprocess.SubprocessError:
            time.sleep(0.3)
    stop(process)
    raise SystemExit("gunicorn did not start")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def http_comparison(size, union_path):
    if not shutil.which("wrk"):
        print("\nwrk is not installed: no HTTP comparison")
        return
    off = start_gunicorn(size, HTTP_PORT, 0)
    on = start_gunicorn(size, HTTP_PORT + 1, 300)
    base_off, base_on = f"http://127.0.0.1:{HTTP_PORT}", f"http://127.0.0.1:{HTTP_PORT + 1}"
    targets = {
        "bare view": base_off + "/bench/bare/",
        "template-only page (20 items)": base_off + "/bench/template/",
        "union list, cache off": base_off + union_path,
        "home, cache off": base_off + "/",
        "search 工会, cache off": base_off + "/search/?q=%E5%B7%A5%E4%BC%9A",
        "home, cached": base_on + "/",
        "union list, cached": base_on + union_path,
        "latest feed, cached": base_on + "/feeds/latest/",
    }
    rates = {name: [] for name in targets}
    latency = {}
    try:
        for url in targets.values():  # warm up: fragments and page cache
            subprocess.run(["curl", "-s", "-o", "/dev/null", url], timeout=60)
        for _round in range(WRK_ROUNDS):
            for name, url in targets.items():
                rate, p50 = wrk(url)
                rates[name].append(rate)
                latency[name] = p50
        memory = worker_memory_mb(off.pid) + worker_memory_mb(on.pid)
        masters = [memory_mb(off.pid), memory_mb(on.pid)]
    finally:
        stop(off)
        stop(on)
    bare = statistics.median(rates["bare view"])
    template = statistics.median(rates["template-only page (20 items)"])
    print(
        f"\ngunicorn (2 sync workers, DEBUG off) + wrk (16 connections, {WRK_SECONDS} s, "
        f"{WRK_ROUNDS} interleaved rounds) at {size:,} stories"
    )
    print(f"{'page':<32} {'req/s':>8} {'p50':>9} {'of template':>12} {'of bare':>8}")
    for name in targets:
        rate = statistics.median(rates[name])
        print(
            f"{name:<32} {rate:8.0f} {latency[name]:>9} {rate / template:12.0%} {rate / bare:8.0%}"
        )
    print(
        "workers after the load (RSS / PSS / private dirty): "
        + ", ".join(f"{rss:.0f} / {pss:.0f} / {dirty:.0f} MB" for rss, pss, dirty in memory)
    )
    print(
        "masters (RSS / PSS / private dirty): "
        + ", ".join(f"{rss:.0f} / {pss:.0f} / {dirty:.0f} MB" for rss, pss, dirty in masters)
    )
    print(load_average())


def load_average():
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def report(results):
    small, large = results[0], results[-1]
    print(f"\n{load_average()} (2 cores, shared with other work)")
    print(f"\nin-process, PostgreSQL, page cache off (median of {PAGE_RUNS}, fragments built)")
    print("(db ms: the database's execution time of the page's queries, EXPLAIN ANALYZE)")
    print(
        f"{'page':<18} {small['size']:>6,} ms {'db ms':>6} {'queries':>7} "
        f"{large['size']:>8,} ms {'db ms':>6} {'queries':>7} {'ratio':>6} {'db ratio':>8}"
    )
    for name, figures in large["pages"].items():
        before = small["pages"][name]
        print(
            f"{name:<18} {before['ms']:9.1f} {before['db']:6.2f} {before['queries']:7d} "
            f"{figures['ms']:11.1f} {figures['db']:6.2f} {figures['queries']:7d} "
            f"{figures['ms'] / before['ms']:6.2f} {figures['db'] / max(before['db'], 0.01):8.2f}"
        )
    for result in results:
        search = result["search"]
        print(
            f"\nsearch at {result['size']:,} stories, {len(SEARCHES)} queries: "
            f"p50 {search['p50']:.1f} ms, p95 {search['p95']:.1f} ms, p99 {search['p99']:.1f} ms;"
            f" documents {search['bytes per story'] / 1024:.1f} KB a story with indexes "
            f"({search['row bytes']:.0f} bytes a row)"
        )
    for result in results:
        print(f"\nthe desk at {result['size']:,} stories (superuser unless named)")
        for name, figures in result["admin"].items():
            print(
                f"{name:<26} {figures['ms']:8.1f} ms {figures['queries']:4d} queries, "
                f"database {figures['db']:7.1f} ms, status {figures['status']}"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--no-http", action="store_true", help="skip gunicorn + wrk")
    options = parser.parse_args()
    if options.child:
        child(options.child, options.rebuild)
        return
    results = []
    for size in SIZES:
        ensure_database(size)
        print(f"== {size:,} stories ({database_url(size)})", flush=True)
        command = [PYTHON, __file__, "--child", str(size)]
        if options.rebuild:
            command.append("--rebuild")
        output = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    report(results)
    if not options.no_http:
        http_comparison(SIZES[-1], results[-1]["union path"])


if __name__ == "__main__":
    main()
