"""gunicorn's settings: `gunicorn newsroom.wsgi -c newsroom/gunicorn.conf.py`.

The application is loaded once in the master process, with jieba's dictionary (about 67 MB
once parsed), and the workers fork from it: they share those pages instead of each parsing its
own copy. gc.freeze() keeps the collector from touching, and so copying, the shared objects.
"""

import gc
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True
timeout = 120  # a story saved with several new photos makes its renditions in the request


def when_ready(server):
    from django.db import connections

    from search.segmentation import tokenizer

    tokenizer()
    # Nothing opened in the master may be shared with the workers.
    connections.close_all()
    gc.collect()
    gc.freeze()
