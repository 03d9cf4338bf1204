"""The desk's status of a story, in one place: its choices, the status of one story, the same as
a queryset annotation, and the status a workflow step led to.

Article.status is what the workflow writes (draft, review, published, withdrawn). The desk tells
two more apart: a published story whose time has not come is *scheduled*, and a draft that an
editor sent back is *returned*. Filters, badges, counts, the timeline and every message naming
a status read it from here.
"""

from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from editorial.models import STATUS_MOVES, ArticleEvent

Kind = ArticleEvent.Kind


class DeskStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    RETURNED = "returned", _("Returned")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def _newest_move():
    return (
        ArticleEvent.objects.filter(article=OuterRef("pk"), kind__in=STATUS_MOVES)
        .order_by("-created_at", "-pk")
        .values("kind")[:1]
    )


def _returned():
    """A draft's newest status move was a return (never NULL, so that it can be negated)."""
    return Q(Exact(Coalesce(Subquery(_newest_move()), Value("")), Kind.RETURNED))


def _conditions(now):
    """The one definition of each desk status as a condition on Article rows.

    The conditions exclude each other, so each can be counted on its own (counts). The stored
    status comes first in each: the database looks up the newest move of drafts only.
    """
    published = Q(status=Article.Status.PUBLISHED)
    draft = Q(status=Article.Status.DRAFT)
    return [
        (DeskStatus.SCHEDULED, published & Q(publish_at__gt=now)),
        (DeskStatus.PUBLISHED, published & Q(publish_at__lte=now)),
        (DeskStatus.RETURNED, draft & _returned()),
        (DeskStatus.DRAFT, draft & ~_returned()),
        (DeskStatus.REVIEW, Q(status=Article.Status.REVIEW)),
        (DeskStatus.WITHDRAWN, Q(status=Article.Status.WITHDRAWN)),
    ]


def with_desk_status(queryset):
    """Annotates last_move (the newest status change) and desk_status (a DeskStatus value)."""
    now = timezone.now()
    if "last_move" not in queryset.query.annotations:
        queryset = queryset.annotate(last_move=Subquery(_newest_move()))
    return queryset.annotate(
        desk_status=Case(
            *(When(condition, then=Value(status.value)) for status, condition in _conditions(now)),
            output_field=models.CharField(),
        )
    )


def where(status):
    """The stories in one desk status, as a condition on the stored fields of any Article
    queryset: the status index serves it and the planner can estimate it, and a draft's newest
    move is looked up for drafts only, for the two statuses that need it."""
    return dict(_conditions(timezone.now()))[DeskStatus(status)]


def filter_by(queryset, status):
    """The stories of queryset in one desk status."""
    return with_desk_status(queryset).filter(where(status))


def counts(queryset, *, published_cap=None):
    """How many stories are in each desk status, in four queries ({value: count}).

    Each reads only its own rows through the (status, publish_at) index, never the published
    stories as a whole: the stored statuses of the desk's work (drafts, review, withdrawn) by
    status, the scheduled stories, the returned drafts (which need each draft's newest move;
    the plain drafts are the rest), and the published stories, up to published_cap + 1 when
    given. An exact total of every story ever published reads the whole index (18 ms at
    100,000 stories) and tells the desk nothing that "10000+" does not.
    """
    now = timezone.now()
    conditions = dict(_conditions(now))
    Status = Article.Status
    by_status = dict(
        queryset.order_by()
        .filter(status__in=[Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
        .values_list("status")
        .annotate(models.Count("pk"))
    )
    returned = queryset.order_by().filter(conditions[DeskStatus.RETURNED]).count()
    published = queryset.order_by().filter(conditions[DeskStatus.PUBLISHED])
    if published_cap is not None:
        published = published[: published_cap + 1]
    found = {
        DeskStatus.DRAFT: by_status.get(Status.DRAFT, 0) - returned,
        DeskStatus.RETURNED: returned,
        DeskStatus.REVIEW: by_status.get(Status.REVIEW, 0),
        DeskStatus.SCHEDULED: queryset.order_by().filter(conditions[DeskStatus.SCHEDULED]).count(),
        DeskStatus.PUBLISHED: published.count(),
        DeskStatus.WITHDRAWN: by_status.get(Status.WITHDRAWN, 0),
    }
    return {status.value: found[status] for status in DeskStatus}


def desk_status(article):
    """The DeskStatus of one story (reads the desk_status annotation when the query made one)."""
    annotated = getattr(article, "desk_status", None)
    # An annotation read before a step moved this instance is stale: derive again then.
    if annotated and _UNDERLYING.get(annotated, annotated) == article.status:
        return DeskStatus(annotated)
    if article.is_scheduled():
        return DeskStatus.SCHEDULED
    if article.status == Article.Status.DRAFT:
        last_move = getattr(article, "last_move", _MISSING)
        if last_move is _MISSING and article.pk:
            last_move = (
                article.events.filter(kind__in=STATUS_MOVES)
                .order_by("-created_at", "-pk")
                .values_list("kind", flat=True)
                .first()
            )
        if last_move == Kind.RETURNED:
            return DeskStatus.RETURNED
    return DeskStatus(article.status)


def after_event(event):
    """The desk status a workflow step led to, as the timeline names it."""
    if event.kind == Kind.RETURNED:
        return DeskStatus.RETURNED
    if (
        event.to_status == Article.Status.PUBLISHED
        and event.publish_at is not None
        and event.publish_at > event.created_at
    ):
        return DeskStatus.SCHEDULED
    return DeskStatus(event.to_status)


_MISSING = object()
# The Article.status behind each desk status that is not one itself.
_UNDERLYING = {
    DeskStatus.RETURNED: Article.Status.DRAFT,
    DeskStatus.SCHEDULED: Article.Status.PUBLISHED,
}
