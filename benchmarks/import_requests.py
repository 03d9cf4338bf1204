"""Imports through the admin: what the requests cost now that the parse and the filing are tasks.

    DEBUG=1 .venv/bin/python benchmarks/import_requests.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_x DEBUG=1 \
        .venv/bin/python benchmarks/import_requests.py

Two uploads of 20 files each, through Django's test client as an editor (tasks kept, not run, so
each request is timed alone; then each task is run as the worker runs it):

- the attack of issue 15 (finding 6), within today's limits: 20 files, 10 MB of copy in all,
  thousands of stories. The request stores the files; the parse task reads them and refuses the
  batch (more than IMPORT_MAX_STORIES). Before, the request itself parsed (18 s upload, 53 s
  and 242 MB preview page, 1.8 GB of worker memory for 20 × 1.26 MB).
- a day's pages: 300 stories in 20 files: upload, parse task, preview (page 1 of 15), confirm,
  import task, result page.

tracemalloc's peak is Python's allocations during the step.
"""

import random
import time
import tracemalloc

import _setup  # noqa: F401  (configures Django)
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from articles.models import Article
from editorial.roles import EDITOR, ensure_groups
from importer import tasks
from importer.models import ImportBatch
from tests.factories import make_user
from unions.models import Union

QUEUED_ONLY = {
    "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
}
FILES = 20
CITIES = ["合肥", "淮北", "亳州", "宿州", "蚌埠", "阜阳", "淮南", "滁州", "六安", "马鞍山"]
TOPICS = ["职工书屋", "劳模创新工作室", "户外劳动者驿站", "困难职工帮扶", "工资集体协商"]


def story(number, rng):
    city, topic = rng.choice(CITIES), rng.choice(TOPICS)
    return (
        f"{city}市总工会\n\n{city}推进{topic}建设第{number}期\n\n"
        f"本报讯 近日,{city}市总工会推进{topic}建设第{number}期,累计服务职工3000余人次。\n\n"
        f"活动中,与会人员围绕工作重点交流了经验。(本报记者 陈雪 通讯员 王志刚)\n\n"
    )


def files(stories_per_file, rng, *, size=None):
    """FILES uploads of stories_per_file stories each, or padded with stories up to size bytes."""
    uploads, number = [], 0
    for index in range(FILES):
        parts = []
        while True:
            parts.append(story(number, rng))
            number += 1
            text = "".join(parts)
            if (size and len(text.encode()) >= size) or (
                not size and len(parts) >= stories_per_file
            ):
                break
        uploads.append(SimpleUploadedFile(f"page{index:02d}.txt", text.encode("utf-8")))
    return uploads


def step(label, function):
    tracemalloc.start()
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  {label:<34} {seconds * 1000:9.0f} ms  peak {peak / 1e6:7.1f} MB")
    return result


def upload(client, uploads):
    response = client.post("/admin/import/", {"files": uploads, "normalise_punctuation": "on"})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def main():
    rng = random.Random(15)
    with _setup.benchmark_database(), override_settings(TASKS=QUEUED_ONLY):
        ensure_groups()
        province = Union.objects.create(name="安徽省总工会", kind="province", short_name="安徽")
        for city in CITIES:
            Union.objects.create(
                name=f"{city}市总工会", parent=province, kind="city", short_name=city
            )
        editor = make_user("bench-editor", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITOR))
        client = Client()
        client.force_login(editor)

        limit = settings.IMPORT_MAX_REQUEST_BYTES // FILES - 4096
        attack = files(0, rng, size=limit)
        total = sum(item.size for item in attack) / 1e6
        print(f"The attack within the limits: {FILES} files, {total:.2f} MB")
        url = step("upload request", lambda: upload(client, attack))
        batch = ImportBatch.objects.get()
        step("parse task (refuses the batch)", lambda: tasks.parse_batch.call(batch.pk))
        batch.refresh_from_db()
        print(f"  batch {batch.state}: {batch.error}")
        response = step("batch page", lambda: client.get(url))
        print(f"  batch page {len(response.content) / 1e3:.0f} kB")

        day = files(15, rng)
        print(f"A day's pages: {FILES} files, {FILES * 15} stories")
        url = step("upload request", lambda: upload(client, day))
        batch = ImportBatch.objects.latest("pk")
        step("parse task", lambda: tasks.parse_batch.call(batch.pk))
        response = step("preview page 1", lambda: client.get(url))
        print(f"  preview page {len(response.content) / 1e3:.0f} kB")
        step("confirm request", lambda: client.post(url))
        step("import task (300 drafts)", lambda: tasks.import_batch.call(batch.pk))
        response = step("result page", lambda: client.get(url))
        print(
            f"  drafts {Article.objects.count()}, result page {len(response.content) / 1e3:.0f} kB"
        )


if __name__ == "__main__":
    main()
