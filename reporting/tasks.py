"""Background work of reporting: the 头条 of a story that goes public at its scheduled time.

A scheduled story becomes the home page's lead at its time without any step on the desk, so no
`story_event_recorded` marks that moment. Approving or rescheduling for a later time therefore
enqueues `record_lead_story` to run then (`run_after`), and the worker of `make run`
(`manage.py db_worker`) records the lead of that moment.
"""

import logging

from django.utils import timezone
from django_tasks import task

from newsroom.background import enqueue_at
from reporting import headlines

logger = logging.getLogger(__name__)


@task()
def record_lead_story(article_id=None):
    """Records the home page's lead now. Idempotent: it records whatever leads at the time it
    runs, so a story unscheduled or withdrawn meanwhile is simply not the lead then, and a
    worker that ran late records the lead of the day it ran. article_id names the story that
    was due, for the task list in the admin; returns the id of the story recorded."""
    record = headlines.record_today()
    return record.article_id if record else None


def schedule_lead_check(event):
    """After approving or rescheduling for later: look at the home page again at that time."""
    if event.publish_at is None or event.publish_at <= timezone.now():
        return None
    deferred = enqueue_at(record_lead_story, event.publish_at, article_id=event.article_id)
    if deferred is None:
        # The immediate backend (tests, TASKS_BACKEND=immediate) cannot wait for the time;
        # `manage.py record_lead_story` records the lead there.
        logger.info(
            "The task backend cannot wait: story %s's 头条 is not checked", event.article_id
        )
    return deferred
