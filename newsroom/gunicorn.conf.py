"""gunicorn's settings: `gunicorn newsroom.wsgi -c newsroom/gunicorn.conf.py`.

The application is loaded once in the master process, with jieba's dictionary (about 67 MB
once parsed), every view module and the catalogues, and the workers fork from it: they share
those pages instead of each loading its own copy. gc.freeze() keeps the collector from
touching, and so copying, the shared objects. Libraries that only a download or an import
reads (openpyxl, python-docx, icalendar, pypinyin, OpenCC's tables) are imported where they
are used, so no worker holds them for nothing.
"""

import gc
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True
timeout = 120  # a story saved with several new photos makes its renditions in the request
# A worker is replaced (forked again from the master's shared pages) after this many requests,
# the jitter keeping the workers from being replaced at the same moment: whatever a worker's
# caches and the allocator's fragmentation hold does not grow with its uptime.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10


def when_ready(server):
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    from search.segmentation import tokenizer

    tokenizer()
    # What each worker would otherwise load on its first request, privately: every view module
    # (the URLconf) and the Chinese catalogues.
    get_resolver().resolve("/")
    translation.activate("zh-hans")  # reads every app's catalogue
    translation.deactivate()
    # Nothing opened in the master may be shared with the workers.
    connections.close_all()
    gc.collect()
    gc.freeze()
