"""Where one public page's time goes, with the page cache off: database, cache, template.

    .venv/bin/python benchmarks/page_cost.py /unions/he-fei-shi-zong-gong-hui/ /bench/template/

Reads the 100,000-story database that `make benchmark-scale` builds (BENCH_DATABASE_URL, as
benchmarks/scale.py; SCALE_SIZE=1000 for the small one) through the site's own Redis backend, as
the scale benchmark's gunicorn run does. Each page is requested a few times to build its
fragments, then RUNS times; it prints the mean time per request and the part of it spent in
database round trips, in cache calls and in rendering the outermost template (which includes any
database or cache call made while rendering).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_i16_bench"
)
RUNS = int(os.environ.get("RUNS", "100"))


def setup():
    os.environ["DATABASE_URL"] = f"{BASE_URL}_{os.environ.get('SCALE_SIZE', '100000')}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks._scale_settings"
    os.environ.update(SCALE_HTTP="1", NEWS_PAGE_CACHE_SECONDS="0", DEBUG="")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Meter:
    """Wall time spent in the database, in cache calls and in the outermost template render."""

    def __init__(self):
        self.seconds = {"database": 0.0, "cache": 0.0, "template": 0.0}
        self.calls = {"database": 0, "cache": 0}
        self._depth = 0

    def database(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds["database"] += time.perf_counter() - started
            self.calls["database"] += 1

    def wrap_cache(self, cache):
        for name in ("get", "get_many", "set", "set_many", "add", "delete", "delete_many"):
            setattr(cache, name, self._timed(getattr(cache, name), "cache"))

    def wrap_templates(self, template_class):
        meter, render = self, template_class.render

        def timed_render(template, *args, **kwargs):
            meter._depth += 1
            started = time.perf_counter()
            try:
                return render(template, *args, **kwargs)
            finally:
                meter._depth -= 1
                if meter._depth == 0:
                    meter.seconds["template"] += time.perf_counter() - started

        template_class.render = timed_render

    def _timed(self, method, part):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[part] += time.perf_counter() - started
                self.calls[part] += 1

        return timed

    def reset(self):
        for part in self.seconds:
            self.seconds[part] = 0.0
        for part in self.calls:
            self.calls[part] = 0


def main(paths):
    setup()
    from django.core.cache import cache
    from django.db import connection
    from django.template.backends.django import Template
    from django.test import Client

    meter = Meter()
    meter.wrap_cache(cache)
    meter.wrap_templates(Template)
    client = Client()
    print(f"{'page':<45} {'ms':>6} {'database':>16} {'cache':>16} {'template':>9}")
    for path in paths:
        for _ in range(5):
            assert client.get(path).status_code == 200, path
        meter.reset()
        with connection.execute_wrapper(meter.database):
            started = time.perf_counter()
            for _ in range(RUNS):
                client.get(path)
            total = (time.perf_counter() - started) / RUNS * 1000
        part = {name: seconds / RUNS * 1000 for name, seconds in meter.seconds.items()}
        calls = {name: count / RUNS for name, count in meter.calls.items()}
        print(
            f"{path:<45} {total:6.2f} {part['database']:6.2f} ms ({calls['database']:.0f} q)"
            f" {part['cache']:6.2f} ms ({calls['cache']:.0f} c) {part['template']:6.2f} ms"
        )
    print("load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg()))


if __name__ == "__main__":
    main(sys.argv[1:] or ["/unions/he-fei-shi-zong-gong-hui/", "/bench/template/"])
