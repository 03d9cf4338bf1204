"""Keeps today's 头条 record: after each step that may change the home page's lead story."""

from django.dispatch import receiver

from editorial.models import ArticleEvent
from editorial.signals import story_event_recorded
from reporting import headlines

Kind = ArticleEvent.Kind
LEAD_CHANGING = {Kind.APPROVED, Kind.RESCHEDULED, Kind.UNSCHEDULED, Kind.WITHDRAWN}


@receiver(story_event_recorded, dispatch_uid="reporting.record_lead_story")
def record_lead_story(sender, event, **kwargs):
    if event.kind in LEAD_CHANGING:
        headlines.record_today()
