"""Settings for benchmarks/scale.py: the project's own, plus two reference pages for wrk."""

import os

os.environ.setdefault("SECRET_KEY", "scale-benchmark-only")
if os.environ.get("SCALE_HTTP"):
    # The served pages use the site's own Redis backend (newsroom.resilient_cache).
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/1")

from newsroom.settings import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks._scale_urls"
if os.environ.get("SCALE_HTTP"):
    # A cache shared by both gunicorn workers, kept apart from everyone else's keys: named
    # after the database, so two benchmarks run at once never share pages or tokens.
    database_name = os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1]
    CACHES["default"]["KEY_PREFIX"] = f"newsroom-bench-{database_name}"  # noqa: F405
# Pages only name their static files; no collectstatic manifest is needed to measure them.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
