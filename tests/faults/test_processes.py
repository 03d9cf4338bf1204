"""Drills with real processes: the task worker, and gunicorn whose database connections drop.

They run against the test database from other processes, so only on PostgreSQL (see conftest).
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.factories import make_article
from tests.faults.servers import free_port
from tests.search.conftest import found, search

ROOT = Path(__file__).resolve().parent.parent.parent
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

pytestmark = [pytest.mark.drill, pytest.mark.django_db(transaction=True)]


def server_environment(**extra):
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "drill-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "NEWS_PAGE_CACHE_SECONDS": "0",
        # Static files straight from the apps: no collectstatic manifest in a test.
        "DEBUG": "1",
        **extra,
    }
    environment.pop("CACHE_URL", None) if "CACHE_URL" not in extra else None
    return environment


def test_the_task_worker_runs_what_the_site_enqueued(client, city, settings):
    settings.TASKS = DATABASE_TASKS
    story = make_article(union=city, status="published", headline="夜校开课迎新学员")
    assert found(search(client, "夜校开课")) == []  # queued, not yet indexed
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0.1"],
        cwd=ROOT,
        env=server_environment(),
        check=True,
        timeout=120,
        capture_output=True,
    )

    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL"
    assert found(search(client, "夜校开课")) == [story]


class Gunicorn:
    def __init__(self, workers, **environment):
        self.port = free_port()
        self.log = []
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=server_environment(**environment),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def get(self, path, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}{path}", timeout=10
                ) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        output, _ = self.process.communicate(timeout=30)
        return output


def drop_site_connections():
    """Cut every other connection to the test database, as a PostgreSQL restart or a
    firewall's idle timeout does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize("pool", ["", "1"], ids=["persistent", "pool"])
def test_a_dropped_database_connection_is_replaced_on_the_next_request(city, pool):
    story = make_article(union=city, status="published", headline="断线重连")
    server = Gunicorn(1, DATABASE_POOL=pool, CONN_MAX_AGE="600")
    try:
        statuses = [server.get(story.get_absolute_url())]
        dropped = drop_site_connections()
        for _ in range(3):
            statuses += [server.get(story.get_absolute_url()), server.get(reverse("news:home"))]
    finally:
        output = server.stop()
    assert (dropped >= 1, statuses) == (True, [200] * 7), output


@pytest.mark.parametrize("workers, warned", [(2, True), (1, False)])
def test_gunicorn_warns_at_start_when_workers_do_not_share_the_page_cache(city, workers, warned):
    server = Gunicorn(workers, NEWS_PAGE_CACHE_SECONDS="300")
    try:
        assert server.get("/robots.txt") == 200
    finally:
        output = server.stop()
    assert ("CACHE_URL is not set" in output) == warned
