"""Reads with logic: whose assignments, which are overdue, a campaign's years."""

from django.db.models import Count, Q
from django.utils import timezone

from articles.models import Article
from planning import rules
from planning.models import Assignment, Campaign

Status = Assignment.Status
OPEN = (Status.ASSIGNED, Status.FILED)


def visible_assignments(user):
    return rules.visible_assignments(user, Assignment.objects.all())


def assignments_for(user, *, now=None):
    """The user's open assignments for My desk, due first, each with .overdue set."""
    now = now or timezone.now()
    assignments = list(
        Assignment.objects.filter(assignee=user, status__in=OPEN)
        .select_related("union", "article")
        .order_by("due_at", "pk")
    )
    for assignment in assignments:
        assignment.overdue = assignment.is_overdue(now)
    return assignments


def campaign_years(campaign, user, *, today=None, years=3):
    """The campaign edition by edition, newest first: its dates, the ideas and assignments
    planned for it and its published stories: those tagged with one of its themes published
    during it, and those filed for its assignments."""
    today = today or timezone.localdate()
    ideas = list(
        rules.visible_assignments(user, campaign.assignments.all())
        .select_related("union", "assignee", "article")
        .order_by("-created_at")
    )
    theme_ids = list(campaign.themes.values_list("pk", flat=True))
    stories = Article.objects.published().visible_to(user)
    current_year = today.year
    start, _end = campaign.occurrence(current_year)
    if start > today:
        current_year -= 1
    first_year = min(
        [current_year - years + 1]
        + [campaign.occurrence(idea.created_at.year)[0].year for idea in ideas]
    )
    editions = []
    for year in range(current_year, first_year - 1, -1):
        start, end = campaign.occurrence(year)
        start_at, end_at = _day_bounds(start, end)
        in_year = [idea for idea in ideas if _planned_for(idea, start_at, end_at, campaign, year)]
        # Stories filed for the edition's assignments count even when published a little early.
        published = (
            stories.filter(
                Q(publish_at__gte=start_at, publish_at__lt=end_at, themes__in=theme_ids)
                | Q(assignment__in=[idea.pk for idea in in_year])
            )
            .distinct()
            .select_related("union")
            .order_by("-publish_at")
        )
        editions.append(
            {
                "year": year,
                "start": start,
                "end": end,
                "is_current": start <= today <= end,
                "ideas": in_year,
                "counts": _status_counts(in_year),
                "stories": published,
            }
        )
    return editions


def _planned_for(idea, start_at, end_at, campaign, year):
    """An idea belongs to the edition its event, due time or creation falls in (within a
    month before the start, when the desk plans ahead)."""
    when = idea.event_at or idea.due_at or idea.created_at
    return start_at - timezone.timedelta(days=45) <= when < end_at


def _status_counts(ideas):
    counts = {status: 0 for status in Status.values}
    for idea in ideas:
        counts[idea.status] += 1
    return [(Status(status).label, count) for status, count in counts.items() if count]


def _day_bounds(first_day, last_day):
    """Aware datetimes from the start of first_day to the end of last_day, in Beijing time."""
    from planning.calendar import day_start

    return day_start(first_day), day_start(last_day + timezone.timedelta(days=1))


def assignment_status_counts():
    return dict(
        Assignment.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )


def active_campaigns():
    return Campaign.objects.filter(is_active=True)
