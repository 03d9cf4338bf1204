"""Which stories to index when the transaction commits: each story once, in one task.

Saving a story in the admin saves the story, its bylines and its themes: each used to cut the
story with jieba again, inside the request. Now the signals note the story's id here; when the
transaction commits, one background task indexes every story noted, once.
"""

import threading

from django.db import transaction

_local = threading.local()


class _Batch:
    def __init__(self, using):
        self.using = using
        self.article_ids = set()
        self.flushed = False

    def flush(self):
        from search.tasks import index_stories

        self.flushed = True
        if self.article_ids:
            index_stories.enqueue(sorted(self.article_ids))


def _current_batch(using):
    """The batch of the running transaction, started (and its commit hook set) when needed."""
    connection = transaction.get_connection(using)
    batch = getattr(_local, "batch", None)
    registered = (
        batch is not None
        and not batch.flushed
        and any(callback == batch.flush for _, callback, _ in connection.run_on_commit)
    )
    if not registered or batch.using != using or not connection.in_atomic_block:
        batch = _local.batch = _Batch(using)
        return batch, True
    return batch, False


def index_after_commit(article_ids, *, using=None):
    """Index these stories once the current transaction commits (at once outside one)."""
    article_ids = {article_id for article_id in article_ids if article_id is not None}
    if not article_ids:
        return
    batch, new = _current_batch(using)
    batch.article_ids |= article_ids
    if new:
        on_commit(batch.flush, using=using)


def on_commit(callback, using=None):
    transaction.on_commit(callback, using=using)
