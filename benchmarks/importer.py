"""Copy import: how fast pages are read, parsed and turned into drafts.

    DEBUG=1 .venv/bin/python benchmarks/importer.py [--stories 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom DEBUG=1 \
        .venv/bin/python benchmarks/importer.py

Generates pages of stories written here (label, headline, 本报讯 dateline, half-width commas
for the normaliser, paragraphs cut by column breaks, closing byline), then times decoding,
punctuation normalisation and parsing of a page at the 2 MB limit, and the import of a page
into a throw-away database (see _setup.py): dry run, real run, and the re-import that finds
every story already there. Query counts show the cost per story.
"""

import argparse
import random
import statistics
import time

import _setup  # noqa: F401  (configures Django)
from django.db import connection

from importer.decoding import decode_text
from importer.parser import parse_page
from importer.punctuation import normalise
from importer.services import import_copy
from importer.sources import CopySource, max_bytes
from unions.models import Union

CITIES = ["合肥", "淮北", "亳州", "宿州", "蚌埠", "阜阳", "淮南", "滁州", "六安", "马鞍山"]
TOPICS = ["职工书屋", "劳模创新工作室", "户外劳动者驿站", "困难职工帮扶", "工资集体协商"]
CLAUSES = [
    "吸引了全市10支队伍参加",
    "进一步增强了职工的获得感和幸福感",
    "为一线职工办实事、解难题",
    "与会人员围绕工作重点交流了经验",
    "累计服务职工3000余人次",
]
NAMES = ["陈雪", "王志刚", "黄元明", "李宗泰", "周岚"]


def story(number, rng):
    city = rng.choice(CITIES)
    topic = rng.choice(TOPICS)
    clauses = rng.sample(CLAUSES, 3)
    first = f"本报讯 近日,{city}市总工会推进{topic}建设第{number}期,{clauses[0]}。"
    # A paragraph cut by a column break, mid-sentence.
    second = f"活动中,{clauses[1]},{clauses[2]}"
    return (
        f"{city}市总工会\n\n{city}推进{topic}建设第{number}期\n\n{first}\n\n{second[:20]}\n\n"
        f"{second[20:]}。(本报记者 {rng.choice(NAMES)} 通讯员 {rng.choice(NAMES)})\n\n"
    )


def page(stories, rng, start=0):
    return "".join(story(start + number, rng) for number in range(stories))


def median_seconds(function, runs=3):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def parsing_figures(rng):
    text = page(1, rng)
    per_story = len(text.encode())
    big = page(max_bytes() // per_story, rng)
    data = big.encode("gb18030")
    decoded = decode_text(data).text
    normalised = normalise(decoded)
    stories = len(parse_page(normalised).stories)
    print(f"A page at the limit: {len(data) / 1e6:.2f} MB (GB18030), {stories} stories")
    for label, step in [
        ("decode (tries UTF-8, then GBK)", lambda: decode_text(data)),
        ("normalise punctuation", lambda: normalise(decoded)),
        ("parse into stories", lambda: parse_page(normalised)),
    ]:
        print(f"  {label:<32} {median_seconds(step):.3f} s")


class QueryCounter:
    """A database execute wrapper that counts the queries run through it."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def import_figures(stories, rng):
    province = Union.objects.create(name="安徽省总工会", kind="province", short_name="安徽")
    for city in CITIES:
        Union.objects.create(name=f"{city}市总工会", parent=province, kind="city", short_name=city)
    source = CopySource("bench.txt", page(stories, rng), "UTF-8")
    for label, dry_run in [("dry run", True), ("import", False), ("re-import (all exist)", False)]:
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            started = time.perf_counter()
            report = import_copy(files=[source], user=None, dry_run=dry_run)
            seconds = time.perf_counter() - started
        print(
            f"  {label:<22} {seconds:6.2f} s  {seconds / stories * 1000:6.1f} ms/story  "
            f"{queries.count:5d} queries  created {len(report.created)}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    options = parser.parse_args()
    rng = random.Random(5)
    parsing_figures(rng)
    with _setup.benchmark_database():
        print(f"Importing a page of {options.stories} stories ({connection.vendor}):")
        import_figures(options.stories, rng)


if __name__ == "__main__":
    main()
