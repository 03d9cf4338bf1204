"""Read by gunicorn when started from the project's folder (`gunicorn newsroom.wsgi`)."""

import os


def when_ready(server):
    """Several workers with a per-process page cache serve stale pages: say so at start."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from news.checks import STALE_PAGES_HINT, STALE_PAGES_WARNING, page_cache_is_per_process

    if server.cfg.workers > 1 and page_cache_is_per_process():
        server.log.warning("%s %s", STALE_PAGES_WARNING, STALE_PAGES_HINT)
