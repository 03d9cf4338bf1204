"""My desk: the stories that are the user's business today, in sections, with their counts.

Each section is one condition on the stories the user may see (Article.objects.visible_to) with
their desk status (editorial.desk_status): the counts (admin index and sidebar, one query) and
the lists (one query each) read the same conditions, so they always agree.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from editorial import rules, selectors
from editorial.desk_status import DeskStatus, where
from editorial.models import ArticleEvent

Kind = ArticleEvent.Kind

# How many stories a section lists; the rest are a click away in the filtered story list.
SECTION_LENGTH = 8


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    empty: str
    ordering: tuple
    # The story list's filter showing the whole section ("" when the list cannot filter it).
    list_query: str = ""
    reviewers_only: bool = False
    publishers_only: bool = False


@dataclass
class Section:
    spec: SectionSpec
    count: int
    stories: list = field(default_factory=list)
    more_url: str = ""

    @property
    def key(self):
        return self.spec.key

    @property
    def title(self):
        return self.spec.title

    @property
    def empty(self):
        return self.spec.empty

    @property
    def hidden_count(self):
        return max(self.count - len(self.stories), 0)


SECTIONS = [
    SectionSpec(
        "returned",
        _("Returned to me"),
        _("No story of yours was returned."),
        ("-updated_at", "-pk"),
        list_query="status=returned&mine=yes",
    ),
    SectionSpec(
        "drafts",
        _("My drafts"),
        _("You have no drafts."),
        ("-updated_at", "-pk"),
        list_query="status=draft&mine=yes",
    ),
    SectionSpec(
        "in_review",
        _("My stories in review"),
        _("None of your stories is waiting for review."),
        ("submitted_at", "pk"),
        list_query="status=review&mine=yes",
    ),
    SectionSpec(
        "to_review",
        # Every story in review, the one waiting longest first; those the user may sign now
        # are 三审's queues ("Waiting for your signature").
        _("In review on the desk"),
        _("Nothing is waiting for review."),
        ("waiting_since", "pk"),
        list_query="status=review",
        reviewers_only=True,
    ),
    SectionSpec(
        "scheduled",
        _("Scheduled by me"),
        _("You have scheduled nothing."),
        ("publish_at", "pk"),
        publishers_only=True,
    ),
    SectionSpec(
        "published",
        _("Published this week"),
        _("Nothing of yours was published this week."),
        ("-publish_at", "-pk"),
    ),
]


def week_start(now=None):
    """Monday 00:00 of this week, in the desk's time zone (Beijing time)."""
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=today.weekday())


def _approver():
    """The user who approved (or last rescheduled) the story: its newest such step's actor."""
    return Subquery(
        ArticleEvent.objects.filter(
            article=OuterRef("pk"), kind__in=[Kind.APPROVED, Kind.RESCHEDULED]
        )
        .order_by("-created_at", "-pk")
        .values("actor_id")[:1]
    )


def _conditions(user):
    """Each section's condition, on the stored fields (desk_status.where) and the story's events,
    for the counts' aggregate and the lists' filters alike.

    The desk status comes before the approver: the database reads a story's approver (a lookup
    in its events) only for the scheduled stories and this week's. Conditions on annotations
    would make Django copy each annotation into every count: compiling the counts' query took
    longer than running it (11 of 15 ms on each admin page at 100,000 stories).
    """
    mine = Q(created_by=user)
    approved_by_me = Q(Exact(_approver(), user.pk))
    return {
        "returned": mine & where(DeskStatus.RETURNED),
        "drafts": mine & where(DeskStatus.DRAFT),
        "in_review": mine & where(DeskStatus.REVIEW),
        "to_review": where(DeskStatus.REVIEW),
        "scheduled": where(DeskStatus.SCHEDULED) & approved_by_me,
        "published": where(DeskStatus.PUBLISHED)
        & Q(publish_at__gte=week_start())
        & (mine | approved_by_me),
    }


def _candidates(user):
    """The only stories any section can hold: the user's own drafts, stories in review, and
    stories published (or scheduled) from this week on (_conditions). A plain condition on the
    status index, so the per-story subqueries run over those rows only, not over every story
    ever filed (at 100k stories the sidebar's counts took a second on every admin page).
    """
    Status = Article.Status
    return (
        Q(created_by=user, status=Status.DRAFT)
        | Q(status=Status.REVIEW)
        | Q(status=Status.PUBLISHED, publish_at__gte=week_start())
    )


def _specs_for(user):
    return [
        spec
        for spec in SECTIONS
        if (not spec.reviewers_only or rules.is_reviewer(user))
        and (not spec.publishers_only or user.has_perm(rules.PUBLISH))
    ]


def _candidate_stories(user):
    """The user's visible stories that a section may hold."""
    return Article.objects.visible_to(user).filter(_candidates(user))


def _stories(user):
    """The same with what the lists show: desk status and how long a story has waited."""
    return selectors.with_desk_columns(_candidate_stories(user)).annotate(
        waiting_since=selectors.waiting_since()
    )


def counts(user):
    """{section key: count} for the user's sections, in one query."""
    specs = _specs_for(user)
    if not specs or not _may_use_the_desk(user):
        return {}
    conditions = _conditions(user)
    return (
        _candidate_stories(user)
        .order_by()
        .aggregate(**{spec.key: Count("pk", filter=conditions[spec.key]) for spec in specs})
    )


def sections(user):
    """The user's sections, each with its count and its first stories."""
    if not _may_use_the_desk(user):
        return []
    conditions = _conditions(user)
    numbers = counts(user)
    changelist = reverse("admin:articles_article_changelist")
    result = []
    for spec in _specs_for(user):
        stories = []
        if numbers[spec.key]:
            stories = list(
                _stories(user)
                .filter(conditions[spec.key])
                .select_related("union", "created_by")
                .order_by(*spec.ordering)[:SECTION_LENGTH]
            )
        more_url = f"{changelist}?{_list_query(spec, user)}" if spec.list_query else changelist
        result.append(Section(spec, numbers[spec.key], stories, more_url))
    _attach_return_reasons(next((s for s in result if s.key == "returned"), None))
    return result


def _list_query(spec, user):
    # Reporters see only their own stories: their list has no "my stories" filter to ask for.
    if rules.is_reviewer(user):
        return spec.list_query
    return "&".join(part for part in spec.list_query.split("&") if part != "mine=yes")


def _attach_return_reasons(section):
    """Each returned story gets .returned: the return event (reason in full, who, when)."""
    if section is None or not section.stories:
        return
    newest = {}
    returns = (
        ArticleEvent.objects.filter(article__in=section.stories, kind=Kind.RETURNED)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )
    for event in returns:
        newest.setdefault(event.article_id, event)
    for story in section.stories:
        story.returned = newest.get(story.pk)


def _may_use_the_desk(user):
    return user.is_authenticated and (
        user.has_perm("articles.view_article") or user.has_perm("articles.change_article")
    )
