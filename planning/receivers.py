"""Assignments follow their stories: the desk announces each step (after its commit) and the
assignment linked to the story moves on by itself."""

from django.dispatch import receiver

from editorial.models import ArticleEvent
from editorial.signals import story_event_recorded
from planning import services
from planning.models import Assignment

Kind = ArticleEvent.Kind


@receiver(story_event_recorded, dispatch_uid="planning.follow_story")
def follow_story(sender, event, **kwargs):
    step = {
        Kind.CREATED: services.story_filed,
        Kind.APPROVED: services.story_published,
        Kind.RESCHEDULED: services.story_published,
        Kind.UNSCHEDULED: services.story_unscheduled,
    }.get(event.kind)
    if step is None:
        return
    assignment = Assignment.objects.filter(article_id=event.article_id).first()
    if assignment is not None:
        step(assignment=assignment, actor=event.actor)
