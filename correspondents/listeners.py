"""Follows the stories made from filings: the correspondent hears when theirs is published."""

from django.dispatch import receiver

from correspondents import notifications
from correspondents.models import Filing
from editorial.models import ArticleEvent
from editorial.signals import story_event_recorded


@receiver(story_event_recorded, dispatch_uid="correspondents.story_published")
def tell_correspondent_when_used(sender, event, **kwargs):
    if event.kind != ArticleEvent.Kind.APPROVED:
        return
    filing_ids = Filing.objects.filter(article_id=event.article_id).values_list("pk", flat=True)
    for filing_id in filing_ids:
        notifications.filing_used(filing_id)
