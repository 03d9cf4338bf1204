"""Fault drill: the site under load while its Redis and its PostgreSQL are restarted.

Starts its own PostgreSQL and Redis (ports 9510 and 9511, data in a temporary folder; the
shared servers are never touched), migrates, loads the demo, then runs gunicorn with four
workers and the task worker against them on 127.0.0.1:9520. For DURATION seconds (at most 60)
readers fetch public pages and reporters file drafts through the admin, while the drill

- stops Redis for REDIS_DOWN seconds, then starts it again with its data;
- restarts PostgreSQL (fast shutdown: open connections are cut).

It prints, per phase, the requests and the errors (5xx, timeouts, refused connections), the
seconds from each server's return until the site answered without error again, and the writes
that were acknowledged (the admin answered with its redirect) but are missing from the
database afterwards, which must be 0.

    python benchmarks/drill.py            # or: make benchmark
"""

import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_PORT, REDIS_PORT, WEB_PORT = 9510, 9511, 9520
SITE = f"http://127.0.0.1:{WEB_PORT}"
DURATION = 45  # seconds of load; the whole drill stays under a minute of load
REDIS_DOWN_AT, REDIS_DOWN = 8.0, 10.0
POSTGRES_RESTART_AT = 28.0
READERS, WRITERS = 6, 2
REQUEST_TIMEOUT = 10
PG_BIN = next(
    (
        Path(p)
        for p in ("/usr/lib/postgresql/15/bin", "/usr/local/bin")
        if (Path(p) / "initdb").exists()
    ),
    None,
)


def log(message):
    print(f"[drill {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Servers:
    """Our own PostgreSQL and Redis, in one temporary folder."""

    def __init__(self, base):
        self.base = base
        self.pg_data = base / "pg"
        self.redis_dir = base / "redis"
        self.redis_dir.mkdir()
        self.redis = None
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start_postgres(self):
        if not self.pg_data.exists():
            self.pg_data.mkdir()
            if self.as_postgres:
                shutil.chown(self.base, "postgres")
                shutil.chown(self.pg_data, "postgres")
            subprocess.run(
                [
                    *self.as_postgres,
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.pg_data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        self._pg_ctl("-l", str(self.pg_data / "log"), "start", check=True)

    def restart_postgres(self):
        self._pg_ctl("-m", "fast", "restart", check=True)

    def stop_postgres(self):
        self._pg_ctl("-m", "fast", "stop", check=False)

    def _pg_ctl(self, *arguments, check):
        options = f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -k {self.pg_data}"
        subprocess.run(
            [
                *self.as_postgres,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.pg_data),
                "-w",
                "-o",
                options,
                *arguments,
            ],
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start_redis(self):
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(REDIS_PORT),
                "--dir",
                str(self.redis_dir),
                "--save",
                "3600 1",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(REDIS_PORT)

    def stop_redis(self):
        if self.redis is None:
            return
        subprocess.run(
            ["redis-cli", "-p", str(REDIS_PORT), "shutdown", "save"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self.redis.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.redis.kill()
        self.redis = None


def wait_for_port(port, timeout=30):
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


class Results:
    def __init__(self, started):
        self.started = started
        self.lock = threading.Lock()
        self.requests = []  # (seconds since start, kind, ok)
        self.acknowledged = []
        self.errors = Counter()

    def record(self, kind, ok, error=None):
        with self.lock:
            self.requests.append((time.monotonic() - self.started, kind, ok))
            if not ok:
                self.errors[error] += 1


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect()), jar


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(client, url, data=None):
    """(status, body) of one request; status 0 for a refused or timed-out connection."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(SITE + url, data=body)
    if data is not None:
        request.add_header("Referer", SITE + url)
    try:
        with client.open(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
        return 0, type(error).__name__


def csrf_token(jar):
    return next((cookie.value for cookie in jar if cookie.name == "csrftoken"), "")


def log_in(username, password):
    client, jar = opener()
    fetch(client, "/admin/login/")
    status, _ = fetch(
        client,
        "/admin/login/?next=/admin/",
        {
            "username": username,
            "password": password,
            "next": "/admin/",
            "csrfmiddlewaretoken": csrf_token(jar),
        },
    )
    if status != 302:
        raise RuntimeError(f"could not log in as {username}: {status}")
    return client, jar


def add_form_data(page):
    """What a browser posts from the story add form (hidden management forms included)."""
    sys.path.insert(0, str(ROOT))
    from tests.editorial.helpers import form_data

    class Page:
        content = page.encode()

    return form_data(Page())


def reader(results, stop, paths):
    client, _ = opener()
    index = 0
    while not stop.is_set():
        path = paths[index % len(paths)]
        index += 1
        status, body = fetch(client, path)
        ok = status in (200, 410)
        results.record("read", ok, None if ok else f"read {status or body}")


def writer_session(number, union_id):
    """A reporter logged in, with the add form's fields; made before the clock starts."""
    username, password = (
        ("reporter", "demo-reporter-2026")
        if number % 2 == 0
        else ("reporter2", "demo-reporter2-2026")
    )
    client, jar = log_in(username, password)
    page = fetch(client, "/admin/articles/article/add/")[1]
    template = add_form_data(page)
    template["union"] = [str(union_id)]
    return client, jar, template


def writer(results, stop, number, session):
    client, jar, template = session
    sequence = 0
    while not stop.is_set():
        sequence += 1
        headline = f"演练稿件{number}-{sequence}-{int(time.time() * 1000)}"
        data = {
            **template,
            "headline": [headline],
            "body": ["演练正文。"],
            "csrfmiddlewaretoken": [csrf_token(jar)],
        }
        status, body = fetch(client, "/admin/articles/article/add/", data)
        ok = status == 302
        if ok:
            with results.lock:
                results.acknowledged.append(headline)
        elif status == 200:
            # The form came back: a refusal the reporter sees (not an error of the drill).
            match = re.search(r'class="errorlist[^>]*>(.*?)</ul>', body, re.S)
            ok, body = False, f"form refused: {match.group(1)[:80] if match else '?'}"
        results.record("write", ok, None if ok else f"write {status or body}")
        time.sleep(0.2)


def environment(database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "drill-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "SITE_URL": SITE,
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def phase_of(seconds, redis_back, pg_back):
    if seconds < REDIS_DOWN_AT:
        return "1 before"
    if seconds < redis_back:
        return "2 Redis down"
    if seconds < POSTGRES_RESTART_AT:
        return "3 Redis back"
    if seconds < pg_back:
        return "4 PostgreSQL restarting"
    return "5 after"


def recovery(results, back_at, until):
    """Seconds from a server's return to the last failed request before `until`."""
    failures = [t for t, _, ok in results.requests if not ok and back_at <= t < until]
    return max(failures) - back_at if failures else 0.0


def main():
    if PG_BIN is None or shutil.which("redis-server") is None:
        print("drill: needs PostgreSQL's initdb/pg_ctl and redis-server; skipped")
        return
    base = Path(tempfile.mkdtemp(prefix="newsroom-drill-"))
    servers = Servers(base)
    processes = []
    database_url = f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres"
    env = environment(database_url)
    try:
        log(f"starting PostgreSQL on {PG_PORT} and Redis on {REDIS_PORT} in {base}")
        servers.start_postgres()
        servers.start_redis()
        setup_env = {**env, "DEBUG": "1"}
        for command in (["migrate", "--no-input"], ["load_demo"]):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=ROOT,
                env=setup_env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        gunicorn_log = open(base / "gunicorn.log", "w")  # noqa: SIM115
        processes.append(
            subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "newsroom.wsgi",
                    "--bind",
                    f"127.0.0.1:{WEB_PORT}",
                    "--workers",
                    "4",
                    "--timeout",
                    "30",
                    "--graceful-timeout",
                    "5",
                ],
                cwd=ROOT,
                env={**env, "DEBUG": "1"},
                stdout=gunicorn_log,
                stderr=gunicorn_log,
            )
        )
        processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--interval", "0.5"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=gunicorn_log,
            )
        )
        wait_for_port(WEB_PORT)
        client, _ = opener()
        import psycopg

        with psycopg.connect(database_url) as connection:
            stories = [
                f"/news/{pk}/"
                for (pk,) in connection.execute(
                    "SELECT id FROM articles_article WHERE status = 'published' "
                    "AND publish_at <= now() ORDER BY id"
                )
            ]
            unions = [
                f"/unions/{slug}/"
                for (slug,) in connection.execute(
                    "SELECT slug FROM unions_union WHERE depth <= 1 ORDER BY path LIMIT 6"
                )
            ]
            union_id = connection.execute("SELECT min(id) FROM unions_union").fetchone()[0]
        paths = ["/", "/unions/", "/feeds/latest/", "/photos/", *stories, *unions]
        # Every worker loads its code and the dictionary before the clock starts.
        for _ in range(3):
            for path in paths:
                fetch(client, path)
        sessions = [writer_session(number, union_id) for number in range(WRITERS)]
        log(f"gunicorn (4 workers) and the task worker up; {len(paths)} pages to read")

        started = time.monotonic()
        results = Results(started)
        stop = threading.Event()
        threads = [
            threading.Thread(target=reader, args=(results, stop, paths[i:] + paths[:i]))
            for i in range(READERS)
        ]
        threads += [
            threading.Thread(target=writer, args=(results, stop, n, sessions[n]))
            for n in range(WRITERS)
        ]
        for thread in threads:
            thread.start()

        def at(seconds):
            time.sleep(max(0.0, started + seconds - time.monotonic()))

        at(REDIS_DOWN_AT)
        log("Redis: shutdown")
        servers.stop_redis()
        at(REDIS_DOWN_AT + REDIS_DOWN)
        servers.start_redis()
        redis_back = time.monotonic() - started
        log(f"Redis: back after {redis_back - REDIS_DOWN_AT:.1f} s")
        at(POSTGRES_RESTART_AT)
        log("PostgreSQL: restart (fast: connections cut)")
        servers.restart_postgres()
        pg_back = time.monotonic() - started
        log(f"PostgreSQL: back after {pg_back - POSTGRES_RESTART_AT:.1f} s")
        at(DURATION)
        stop.set()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)

        report(results, redis_back, pg_back, database_url)
        gunicorn_log.flush()
        causes = Counter(
            line.strip()
            for line in (base / "gunicorn.log").read_text().splitlines()
            if re.match(r"^[\w.]+(Error|Exception): ", line)
        )
        for cause, count in causes.most_common(5):
            print(f"  server log: {count:>4} × {cause[:110]}")
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        servers.stop_redis()
        servers.stop_postgres()
        shutil.rmtree(base, ignore_errors=True)


def report(results, redis_back, pg_back, database_url):
    import psycopg

    phases = Counter()
    failed = Counter()
    for seconds, _kind, ok in results.requests:
        phase = phase_of(seconds, redis_back, pg_back)
        phases[phase] += 1
        failed[phase] += not ok
    print()
    print(f"{'phase':<26}{'requests':>10}{'errors':>8}")
    for phase in sorted(phases):
        print(f"{phase:<26}{phases[phase]:>10}{failed[phase]:>8}")
    print()
    for error, count in results.errors.most_common(8):
        print(f"  {count:>5} × {error}")
    print(
        f"Redis down {REDIS_DOWN:.0f} s: errors while down "
        f"{failed['2 Redis down']}, seconds to recover after its return "
        f"{recovery(results, redis_back, POSTGRES_RESTART_AT):.1f}"
    )
    print(
        f"PostgreSQL restart took {pg_back - POSTGRES_RESTART_AT:.1f} s: errors during it "
        f"{failed['4 PostgreSQL restarting']}, seconds to recover after its return "
        f"{recovery(results, pg_back, DURATION):.1f}"
    )
    with psycopg.connect(database_url) as connection:
        stored = {
            row[0]
            for row in connection.execute(
                "SELECT headline FROM articles_article WHERE headline LIKE '演练稿件%%'"
            )
        }
    lost = [headline for headline in results.acknowledged if headline not in stored]
    print(f"writes acknowledged {len(results.acknowledged)}, acknowledged but lost {len(lost)}")


if __name__ == "__main__":
    main()
