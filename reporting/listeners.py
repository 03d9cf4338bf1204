"""What reporting follows: the day's 头条 after each step that may change the home page's lead,
and the statistics' per-day summary (reporting.summary) after every write that changes a figure.

Steps on a story (publish, schedule, unschedule, withdraw) are followed through editorial's
`story_event_recorded`, and a scheduled story's publication time through its `story_fell_due`;
an edit that moves a story to another union or genre, its photos, the filings, adoptions, 头条
records and an outlet's level through their models' own saves and deletes. Each refreshes the
days it touches once the write has committed.
"""

from django.db.models.signals import post_delete, post_init, post_save, pre_delete
from django.dispatch import receiver

from articles.models import Article
from correspondents.models import Filing
from editorial.models import ArticleEvent
from editorial.signals import story_event_recorded, story_fell_due
from photos.models import Photo
from reporting import headlines, summary
from reporting.models import Adoption, FrontPageLead, Outlet

Kind = ArticleEvent.Kind
LEAD_CHANGING = {Kind.APPROVED, Kind.RESCHEDULED, Kind.UNSCHEDULED, Kind.WITHDRAWN}
# Fields of a story that decide whom its figures are credited to.
CREDITED_FIELDS = {"union", "union_id", "genre"}


@receiver(story_event_recorded, dispatch_uid="reporting.record_lead_story")
def record_lead_story(sender, event, **kwargs):
    if event.kind in LEAD_CHANGING:
        headlines.record_today()


@receiver(story_fell_due, dispatch_uid="reporting.record_lead_story_fallen_due")
def record_lead_story_fallen_due(sender, article_id=None, **kwargs):
    """A scheduled story's time has come: it may lead the home page now. Records whatever
    leads at this moment, so a story taken off the schedule meanwhile is simply not the lead."""
    headlines.record_today()


@receiver(story_event_recorded, dispatch_uid="reporting.summarize_step")
def summarize_step(sender, event, **kwargs):
    """A step moved the story in or out of the figures, or to another day."""
    if event.kind in LEAD_CHANGING:
        summary.after_commit(lambda: summary.story_days(event.article_id))


@receiver(post_save, sender=Article, dispatch_uid="reporting.summarize_story_edit")
def summarize_story_edit(sender, instance, created, update_fields=None, **kwargs):
    """An edit (the change form, a restored version) may credit another union or genre."""
    # Steps save only status and time (followed through their events above).
    if update_fields is not None and not CREDITED_FIELDS & set(update_fields):
        return
    summary.after_commit(lambda: summary.story_days(instance.pk))


@receiver(pre_delete, sender=Article, dispatch_uid="reporting.summarize_story_deleted")
def summarize_story_deleted(sender, instance, **kwargs):
    # Worked out before the story, its events and adoptions are gone.
    summary.after_commit(summary.story_days(instance.pk, publish_at=instance.publish_at))


@receiver(post_save, sender=Filing, dispatch_uid="reporting.summarize_filing")
@receiver(post_delete, sender=Filing, dispatch_uid="reporting.summarize_filing_deleted")
def summarize_filing(sender, instance, **kwargs):
    """A filing counts on the day it came in; once accepted, its story's figures are the
    correspondent's too."""
    day = summary.local_day(instance.submitted_at)
    article_id = instance.article_id
    summary.after_commit(lambda: {day} | (summary.story_days(article_id) if article_id else set()))


@receiver(post_save, sender=Photo, dispatch_uid="reporting.summarize_photo")
def summarize_photo(sender, instance, created, update_fields=None, **kwargs):
    # Renditions and captions change nothing counted; a new photo or another story does.
    if instance.article_id is None or not (
        created or update_fields is None or {"article", "article_id"} & set(update_fields)
    ):
        return
    article_id = instance.article_id
    summary.after_commit(lambda: summary.story_days(article_id))


@receiver(pre_delete, sender=Photo, dispatch_uid="reporting.summarize_photo_deleted")
def summarize_photo_deleted(sender, instance, **kwargs):
    if instance.article_id is not None:
        summary.after_commit(summary.story_days(instance.article_id))


@receiver(post_init, sender=Adoption, dispatch_uid="reporting.remember_adoption_date")
@receiver(post_init, sender=FrontPageLead, dispatch_uid="reporting.remember_lead_date")
def remember_date(sender, instance, **kwargs):
    """The date as loaded: a record moved to another day changes both days."""
    instance._summary_loaded_date = instance.__dict__.get("date")


@receiver(post_save, sender=Adoption, dispatch_uid="reporting.summarize_adoption")
@receiver(post_delete, sender=Adoption, dispatch_uid="reporting.summarize_adoption_deleted")
@receiver(post_save, sender=FrontPageLead, dispatch_uid="reporting.summarize_lead")
@receiver(post_delete, sender=FrontPageLead, dispatch_uid="reporting.summarize_lead_deleted")
def summarize_dated_record(sender, instance, **kwargs):
    summary.after_commit({instance.date, getattr(instance, "_summary_loaded_date", None)})
    instance._summary_loaded_date = instance.date


@receiver(post_init, sender=Outlet, dispatch_uid="reporting.remember_outlet_level")
def remember_level(sender, instance, **kwargs):
    instance._summary_loaded_level = instance.__dict__.get("level")


@receiver(post_save, sender=Outlet, dispatch_uid="reporting.summarize_outlet")
def summarize_outlet(sender, instance, created, **kwargs):
    """An outlet given another level moves its adoptions to that level's count."""
    if not created and instance.level != instance._summary_loaded_level:
        outlet_id = instance.pk
        summary.after_commit(
            lambda: set(Adoption.objects.filter(outlet_id=outlet_id).values_list("date", flat=True))
        )
    instance._summary_loaded_level = instance.level
