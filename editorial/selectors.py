"""Reads for the review desk: list columns, the desk summary, a story's versions and last change."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from editorial import desk_status
from editorial.models import ArticleEvent

SCHEDULE_WINDOW = timedelta(hours=48)


def with_desk_columns(queryset):
    """Adds submitted_at (the newest submission) and the desk status (desk_status.py)."""
    submissions = ArticleEvent.objects.filter(
        article=OuterRef("pk"), kind=ArticleEvent.Kind.SUBMITTED
    ).order_by("-created_at", "-pk")
    queryset = queryset.annotate(submitted_at=Subquery(submissions.values("created_at")[:1]))
    return desk_status.with_desk_status(queryset)


def waiting_since():
    """When a story in review started waiting: its submission, or its creation if unrecorded."""
    return Coalesce(F("submitted_at"), F("created_at"))


def scheduled_soon(queryset, window=SCHEDULE_WINDOW):
    """Approved stories that go public within the window, soonest first."""
    return (
        queryset.scheduled()
        .filter(publish_at__lte=timezone.now() + window)
        .select_related("union", "created_by")
        .order_by("publish_at", "pk")
    )


# The desk summary counts published stories up to this many, then says "10000+".
PUBLISHED_COUNT_CAP = 10_000


def desk_summary(user):
    """What the admin index shows the user beside My desk: counts and the next 48 hours.

    The stories waiting longest for review are My desk's "In review" section (oldest first),
    and those waiting for the user's own signature are 三审's queues: not listed a third time.
    """
    visible = Article.objects.visible_to(user)
    return {
        "counts": desk_status.counts(visible, published_cap=PUBLISHED_COUNT_CAP),
        "scheduled": list(scheduled_soon(visible)),
    }


@dataclass(frozen=True)
class LastChange:
    user: object
    at: datetime


def versions_newest_first(article):
    """The story's saved versions (reversion), newest first, each with the user who saved it."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def last_change(article):
    """Who changed the story last and when: its newest saved revision or workflow step."""
    candidates = []
    version = versions_newest_first(article).first()
    if version is not None:
        candidates.append(LastChange(version.revision.user, version.revision.date_created))
    event = (
        article.events.exclude(kind=ArticleEvent.Kind.PREVIEW_SHARED)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    if event is not None:
        candidates.append(LastChange(event.actor, event.created_at))
    return max(candidates, key=lambda change: change.at, default=None)


def last_return(article):
    """The newest return to the author, when that is how the story became a draft again."""
    if article.status != Article.Status.DRAFT:
        return None
    event = (
        article.events.filter(kind__in=desk_status.STATUS_MOVES)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    return event if event is not None and event.kind == ArticleEvent.Kind.RETURNED else None
