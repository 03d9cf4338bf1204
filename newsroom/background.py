"""Background work through Django's tasks API (the django-tasks backport, database backend).

Two rules every task of the project keeps:

- **Enqueued after the commit.** A task enqueued inside a transaction could run before the
  rows it reads are committed, or for rows that are then rolled back: `enqueue_on_commit`
  waits for the commit.
- **Retried, and visible when it fails.** A failed attempt is left FAILED in the admin's task
  results (django-tasks-db), and `retry_on_failure` enqueues the next attempt, later, until
  MAX_ATTEMPTS. Tasks are idempotent (they compute their result from the database), so an
  attempt that ran twice does no harm.
"""

import contextlib
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
# Waits before the second, third and fourth attempts.
BACKOFF = (timedelta(seconds=30), timedelta(minutes=5), timedelta(minutes=30))


def enqueue_on_commit(task, *args, using=None, **kwargs):
    """Enqueue the task once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), using=using)


def enqueue_at(task, when, *args, **kwargs):
    """Enqueue the task to run at `when` (run_after), or return None when the backend cannot
    wait (the immediate backend of the tests runs a task at once): the caller decides what
    stands in for it then."""
    if not task.get_backend().supports_defer:
        return None
    return task.using(run_after=when).enqueue(*args, **kwargs)


@contextlib.contextmanager
def retry_on_failure(task, *args, attempt, **kwargs):
    """Around a task's body: on an error, enqueue attempt + 1 (later), then fail this one.

    The task must accept `attempt` as a keyword argument.
    """
    try:
        yield
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("%s failed for the last time (attempt %d)", task.name, attempt)
            raise
        logger.warning("%s failed (attempt %d); trying again later", task.name, attempt)
        later = timezone.now() + BACKOFF[attempt - 1]
        if enqueue_at(task, later, *args, attempt=attempt + 1, **kwargs) is None:
            task.enqueue(*args, attempt=attempt + 1, **kwargs)
        raise
