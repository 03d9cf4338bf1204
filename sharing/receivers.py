"""Share cards follow the desk: drawn when a story is published and when it is corrected."""

from django.dispatch import receiver

from editorial.signals import story_event_recorded

# The steps after which the public may see a new headline. A scheduled approval draws the
# card ahead of its publication time, so it is ready when the story appears.
CARD_EVENTS = {"approved", "corrected", "restored", "rescheduled"}


@receiver(story_event_recorded, dispatch_uid="sharing.draw_card_after_step")
def draw_card_after_step(sender, event, **kwargs):
    from sharing.tasks import draw_share_card

    if event.kind in CARD_EVENTS and event.to_status == "published":
        draw_share_card.enqueue(event.article_id)
