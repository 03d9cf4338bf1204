"""The editorial desk's announcement to the apps built on it: a step went on a story's record.

Apps that follow a story's life (planning's assignments, correspondents' filings, share cards,
caches) listen to `story_event_recorded` instead of reading editorial's tables or hooking into
its transitions. It is sent once the step's transaction has committed, so a listener never acts
on a step that was rolled back; a listener that fails is logged and does not undo the step.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from editorial.models import ArticleEvent

logger = logging.getLogger(__name__)

# Sent with event=<ArticleEvent> (its article, kind, actor, from_status, to_status, reason).
story_event_recorded = Signal()

# Sent with article_id when a story approved for later reaches its publication time: no step
# marks that moment, yet the public site and the day's 头条 change then. Sent by the task the
# scheduling step queued for that time (editorial.tasks); the story may have been rescheduled,
# taken off the schedule or withdrawn since, so a listener reads what holds now.
story_fell_due = Signal()


@receiver(post_save, sender=ArticleEvent, dispatch_uid="editorial.announce_story_event")
def _announce_after_commit(sender, instance, created, **kwargs):
    if not created:
        return

    def announce():
        for listener, result in story_event_recorded.send_robust(
            sender=ArticleEvent, event=instance
        ):
            if isinstance(result, Exception):
                logger.error(
                    "Listener %r failed on %s of story %s",
                    listener,
                    instance.kind,
                    instance.article_id,
                    exc_info=result,
                )

    transaction.on_commit(announce)
