"""The editorial calendar: which days a month or week shows (weeks start on Monday, days are
Beijing days), and what falls on them: publications, assignment due times, events and the
campaigns of the union year."""

import calendar as stdlib_calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from editorial.desk_status import DeskStatus
from editorial.services.checks import check_reschedule, is_allowed
from planning import rules
from planning.models import Assignment, Campaign

Status = Assignment.Status


def day_start(day):
    """Midnight at the start of `day` in the site's zone (Asia/Shanghai), as an aware time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def month_weeks(year, month):
    """The weeks (Monday first) that show the month, days of the next and previous months
    included."""
    return stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)


def week_of(day):
    monday = day - datetime.timedelta(days=day.weekday())
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]


@dataclass
class Item:
    kind: str  # "story", "due" or "event"
    at: datetime.datetime
    title: str
    status: str  # the colour: a story's or an assignment's status, or "overdue"
    status_label: str
    url: str
    reschedule_url: str = ""

    @property
    def day(self):
        return timezone.localtime(self.at).date()

    @property
    def time(self):
        return timezone.localtime(self.at).strftime("%H:%M")


# A month's cell shows this many items; the rest are a link to the day's week.
MONTH_CELL_ITEMS = 6


@dataclass
class Day:
    date: datetime.date
    in_period: bool
    is_today: bool
    items: list = field(default_factory=list)
    campaigns_starting: list = field(default_factory=list)
    campaigns_ending: list = field(default_factory=list)

    @property
    def cell_items(self):
        return self.items[:MONTH_CELL_ITEMS]

    @property
    def hidden_count(self):
        return max(0, len(self.items) - MONTH_CELL_ITEMS)


def _url_maker(name):
    """A function pk -> the admin URL `name` for that row: one reverse() for a whole page."""
    template = reverse(name, args=[0]).replace("/0/", "/{}/")
    return template.format


def items_between(user, start, end, *, now=None):
    """What the calendar shows the user from start (inclusive) to end (exclusive), by time."""
    now = now or timezone.now()
    items = []
    story_url = _url_maker("admin:articles_article_change")
    assignment_url = _url_maker("admin:planning_assignment_change")
    reschedule_url = (
        reverse("admin:articles_article_transition", args=[0, "reschedule"]).replace("/0/", "/{}/")
        + "?version={}"
    )
    stories = (
        Article.objects.visible_to(user)
        .filter(status=Article.Status.PUBLISHED, publish_at__gte=start, publish_at__lt=end)
        .only("pk", "headline", "status", "publish_at", "version", "created_by_id")
    )
    for story in stories:
        scheduled = story.publish_at > now
        desk_status = DeskStatus.SCHEDULED if scheduled else DeskStatus.PUBLISHED
        move_url = ""
        if scheduled and is_allowed(check_reschedule, story, user):
            move_url = reschedule_url.format(story.pk, story.version)
        items.append(
            Item(
                kind="story",
                at=story.publish_at,
                title=story.headline,
                status=desk_status.value,
                status_label=desk_status.label,
                url=story_url(story.pk),
                reschedule_url=move_url,
            )
        )
    assignments = rules.visible_assignments(
        user,
        Assignment.objects.exclude(status=Status.DROPPED).filter(
            (timezone_range("due_at", start, end)) | timezone_range("event_at", start, end)
        ),
    ).only("pk", "title", "status", "due_at", "event_at", "place")
    for assignment in assignments:
        url = assignment_url(assignment.pk)
        if assignment.due_at and start <= assignment.due_at < end:
            overdue = assignment.is_overdue(now)
            items.append(
                Item(
                    kind="due",
                    at=assignment.due_at,
                    title=gettext("Due: %(title)s") % {"title": assignment.title},
                    status="overdue" if overdue else assignment.status,
                    status_label=(
                        gettext("Overdue") if overdue else assignment.get_status_display()
                    ),
                    url=url,
                )
            )
        if assignment.event_at and start <= assignment.event_at < end:
            title = assignment.title
            if assignment.place:
                title = f"{title} · {assignment.place}"
            items.append(
                Item(
                    kind="event",
                    at=assignment.event_at,
                    title=gettext("Event: %(title)s") % {"title": title},
                    status=assignment.status,
                    status_label=assignment.get_status_display(),
                    url=url,
                )
            )
    items.sort(key=lambda item: (item.at, item.kind, item.title))
    return items


def timezone_range(field_name, start, end):
    return Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end})


def campaign_periods(first_day, last_day):
    """(campaign, start, end) for each active campaign edition overlapping the days."""
    periods = []
    for campaign in Campaign.objects.filter(is_active=True):
        for start, end in campaign.occurrences_between(first_day, last_day):
            periods.append((campaign, start, end))
    periods.sort(key=lambda period: (period[1], period[0].name))
    return periods


def build_days(user, days, *, in_period, now=None):
    """The days with their items and the campaigns starting or ending on them."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first_day, last_day = days[0], days[-1]
    items = items_between(
        user, day_start(first_day), day_start(last_day + datetime.timedelta(1)), now=now
    )
    by_date = {day: Day(day, in_period(day), day == today) for day in days}
    for item in items:
        by_date[item.day].items.append(item)
    for campaign, start, end in campaign_periods(first_day, last_day):
        if start in by_date:
            by_date[start].campaigns_starting.append(campaign)
        if end in by_date:
            by_date[end].campaigns_ending.append(campaign)
    return [by_date[day] for day in days]
