"""Deployment checks of the page cache (`manage.py check --deploy`, and gunicorn at start).

Each server process caches pages in its own memory unless CACHE_URL names a shared cache. A
publication or withdrawal then clears only the cache of the process that made it: the other
processes keep serving the old page (a withdrawn story answered 200 for 83 s). One process may
use its own memory; several must share Redis.
"""

from django.conf import settings
from django.core import checks

PER_PROCESS_BACKENDS = {"django.core.cache.backends.locmem.LocMemCache"}

STALE_PAGES_WARNING = (
    "Public pages are cached in each server process's own memory (CACHE_URL is not set). With "
    "more than one process, a story published or withdrawn in one process stays as it was on "
    "the pages the others cached, for up to NEWS_PAGE_CACHE_SECONDS."
)
STALE_PAGES_HINT = (
    "Set CACHE_URL to a cache all processes share, e.g. redis://127.0.0.1:6379/1, or run a "
    "single process, or set NEWS_PAGE_CACHE_SECONDS=0."
)


def page_cache_is_per_process():
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return backend in PER_PROCESS_BACKENDS and getattr(settings, "NEWS_PAGE_CACHE_SECONDS", 300) > 0


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_page_cache(app_configs=None, **kwargs):
    if not page_cache_is_per_process():
        return []
    return [checks.Warning(STALE_PAGES_WARNING, hint=STALE_PAGES_HINT, id="news.W001")]
