"""Personal iCalendar feeds for phone calendars: one's assignments (due times and events) and,
for editors, the publication schedule. The address is a secret token; renewing or revoking it
makes the old address answer 404."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import permissions
from articles.models import Article
from planning import rules
from planning.models import Assignment, CalendarFeed

# What a feed covers: phone calendars refresh it every few hours.
PAST = datetime.timedelta(days=30)
FUTURE = datetime.timedelta(days=120)
DUE_LENGTH = datetime.timedelta(minutes=30)
EVENT_LENGTH = datetime.timedelta(hours=1)
STORY_LENGTH = datetime.timedelta(minutes=15)


def live_feed(user):
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


@transaction.atomic
def renew_feed(*, user):
    """A new secret address for the user; the previous one stops working at once."""
    revoke_feed(user=user)
    return CalendarFeed.objects.create(user=user)


@transaction.atomic
def revoke_feed(*, user):
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def feed_for_token(token):
    """The live feed with this token, or None (unknown or revoked)."""
    return (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def feed_url(feed):
    return settings.SITE_URL + reverse("planning:ical", args=[feed.token])


def _event(uid, *, summary, start, length, url, description="", location=""):
    import icalendar  # about 10 MB once imported: only in processes serving feeds

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    local_start = timezone.localtime(start)
    event.add("dtstart", local_start)
    event.add("dtend", local_start + length)
    event.add("url", url)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


def build_calendar(user, *, now=None):
    """The user's feed as an icalendar.Calendar, times in Asia/Shanghai."""
    import icalendar
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    start, end = now - PAST, now + FUTURE
    host = settings.SITE_URL.split("//", 1)[-1]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Union news desk//planning//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Union news desk: %(name)s") % {"name": user.get_username()})
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    assignments = (
        Assignment.objects.filter(assignee=user)
        .exclude(status=Assignment.Status.DROPPED)
        .select_related("union")
    )
    for assignment in assignments:
        url = settings.SITE_URL + reverse("admin:planning_assignment_change", args=[assignment.pk])
        if assignment.due_at and start <= assignment.due_at <= end:
            cal.add_component(
                _event(
                    f"assignment-{assignment.pk}-due@{host}",
                    summary=_("Due: %(title)s") % {"title": assignment.title},
                    start=assignment.due_at,
                    length=DUE_LENGTH,
                    url=url,
                    description=assignment.notes,
                )
            )
        if assignment.event_at and start <= assignment.event_at <= end:
            cal.add_component(
                _event(
                    f"assignment-{assignment.pk}-event@{host}",
                    summary=_("Event: %(title)s") % {"title": assignment.title},
                    start=assignment.event_at,
                    length=EVENT_LENGTH,
                    url=url,
                    description=assignment.notes,
                    location=assignment.place or str(assignment.union),
                )
            )
    if rules.is_planner(user) and permissions.is_reviewer(user):
        stories = Article.objects.filter(
            status=Article.Status.PUBLISHED, publish_at__gt=now, publish_at__lte=end
        ).select_related("union")
        for story in stories:
            cal.add_component(
                _event(
                    f"story-{story.pk}-publication@{host}",
                    summary=_("Publication: %(headline)s") % {"headline": story.headline},
                    start=story.publish_at,
                    length=STORY_LENGTH,
                    url=settings.SITE_URL
                    + reverse("admin:articles_article_change", args=[story.pk]),
                    location=str(story.union),
                )
            )
    cal.add_missing_timezones()
    return cal
