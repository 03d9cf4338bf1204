"""Background work of the desk: the moment a scheduled story goes public.

Approving or rescheduling a story for a later time is the only way a story becomes public
without a step at that moment (editorial.services.transitions writes every publication time).
The step queues `announce_fallen_due` for the time (run_after); the worker of `make run`
(`manage.py db_worker`) runs it then, and it sends `story_fell_due`, which the public site's
cache (its pages) and reporting (the day's 头条) follow. One task per scheduling, whatever
listens.
"""

import logging

from django_tasks import task

from editorial.signals import story_fell_due
from newsroom.background import enqueue_at

logger = logging.getLogger(__name__)


@task()
def announce_fallen_due(article_id=None):
    """Tells the listeners that the story's publication time has come.

    Idempotent: listeners compute from the database what holds now, so a run for a story taken
    off the schedule meanwhile, or a second run, does no harm. Returns how many listeners
    failed (each failure is logged), for the admin's task results.
    """
    failed = 0
    for listener, result in story_fell_due.send_robust(sender=None, article_id=article_id):
        if isinstance(result, Exception):
            failed += 1
            logger.error(
                "Listener %r failed when story %s fell due", listener, article_id, exc_info=result
            )
    return failed


def announce_at(article_id, publish_at):
    """Queue announce_fallen_due for publish_at (called after the scheduling step's commit)."""
    if enqueue_at(announce_fallen_due, publish_at, article_id=article_id) is None:
        # The immediate backend (tests, TASKS_BACKEND=immediate) cannot wait for the time: the
        # first reader after it renews the pages, and `manage.py record_lead_story` the 头条.
        logger.info(
            "The task backend cannot wait: story %s falling due is not announced", article_id
        )
