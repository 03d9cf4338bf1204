"""Planning: the union year's campaigns, story ideas that become assignments, calendar feeds."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles.models import Article

# A leap year, so that a campaign may start or end on 29 February.
_ANY_LEAP_YEAR = 2024


def _day_in(year, month, day):
    """The date of month/day in year; 29 February falls back to the 28th in common years."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, month, day - 1)


class Campaign(models.Model):
    """A recurring moment of the union year (两节送温暖, 五一, 金秋助学 …), edited by the desk.

    Its period is a month and day to a month and day, every year; a period whose end comes
    before its start runs across the new year (两节送温暖: December to February) and belongs to
    the year it starts in.
    """

    name = models.CharField(_("name"), max_length=60, unique=True)
    start_month = models.PositiveSmallIntegerField(_("start month"))
    start_day = models.PositiveSmallIntegerField(_("start day"))
    end_month = models.PositiveSmallIntegerField(_("end month"))
    end_day = models.PositiveSmallIntegerField(_("end day"))
    themes = TaggableManager(
        verbose_name=_("themes"),
        through="CampaignTheme",
        blank=True,
        help_text=_(
            "Stories with these themes published during the campaign count as its coverage."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive campaigns are left off the calendar.")
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns of the union year")
        ordering = ["start_month", "start_day", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__gte=1, start_month__lte=12)
                & Q(end_month__gte=1, end_month__lte=12)
                & Q(start_day__gte=1, start_day__lte=31)
                & Q(end_day__gte=1, end_day__lte=31),
                name="campaign_period_valid",
                violation_error_message=_("Months run from 1 to 12 and days from 1 to 31."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        for prefix in ("start", "end"):
            month = getattr(self, f"{prefix}_month")
            day = getattr(self, f"{prefix}_day")
            if month is None or day is None:
                continue
            try:
                datetime.date(_ANY_LEAP_YEAR, month, day)
            except ValueError:
                errors[f"{prefix}_day"] = ValidationError(
                    _("Month %(month)s has no day %(day)s.") % {"month": month, "day": day},
                    code="invalid_day",
                )
        if errors:
            raise ValidationError(errors)

    @property
    def crosses_new_year(self):
        return (self.end_month, self.end_day) < (self.start_month, self.start_day)

    def occurrence(self, year):
        """The campaign's first and last day in the edition that starts in `year`."""
        start = _day_in(year, self.start_month, self.start_day)
        end_year = year + 1 if self.crosses_new_year else year
        return start, _day_in(end_year, self.end_month, self.end_day)

    def occurrences_between(self, first_day, last_day):
        """The editions (start, end) that overlap first_day..last_day, earliest first."""
        found = []
        for year in range(first_day.year - 1, last_day.year + 1):
            start, end = self.occurrence(year)
            if start <= last_day and end >= first_day:
                found.append((start, end))
        return found

    def period_label(self):
        label = _("%(sm)s/%(sd)s to %(em)s/%(ed)s") % {
            "sm": self.start_month,
            "sd": self.start_day,
            "em": self.end_month,
            "ed": self.end_day,
        }
        if self.crosses_new_year:
            label = _("%(period)s of the next year") % {"period": label}
        return label


class CampaignTheme(TaggedItemBase):
    content_object = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("campaign theme")
        verbose_name_plural = _("campaign themes")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_campaign_theme"),
        ]


class Assignment(models.Model):
    """A story idea (选题) that an editor approves and assigns (派题) to a reporter.

    Its status is written only by planning.services. The assignee is a desk user; a
    correspondent from the registry can be added as a second, exclusive assignee field.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        ASSIGNED = "assigned", _("Assigned")
        FILED = "filed", _("Filed")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    title = models.CharField(_("title"), max_length=120)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("The angle, the people to talk to, what to bring.")
    )
    union = models.ForeignKey(
        "unions.Union",
        verbose_name=_("union"),
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text=_("The union the story is about; it counts for the coverage balance."),
    )
    themes = TaggableManager(verbose_name=_("themes"), through="AssignmentTheme", blank=True)
    genre = models.CharField(
        _("planned genre"),
        max_length=20,
        choices=Article.Genre.choices,
        default=Article.Genre.NEWS,
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    event_at = models.DateTimeField(
        _("event time"), null=True, blank=True, help_text=_("Beijing time (Asia/Shanghai).")
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PROPOSED,
        editable=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    due_at = models.DateTimeField(_("due"), null=True, blank=True, editable=False)
    drop_reason = models.TextField(_("reason for dropping"), blank=True, editable=False)
    # A story filed for the assignment; articles know nothing of planning.
    article = models.OneToOneField(
        Article,
        verbose_name=_("story"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="assignment",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="assignments_proposed",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("story idea")
        verbose_name_plural = _("story ideas and assignments")
        ordering = ["-created_at"]
        permissions = [("assign_assignment", "Can approve, assign and drop story ideas")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["proposed", "approved", "assigned", "filed", "done", "dropped"]
                ),
                name="assignment_status_valid",
                violation_error_message=_("Unknown status."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "filed", "done"]) | Q(assignee__isnull=False),
                name="assignment_assigned_has_assignee",
                violation_error_message=_("An assigned story idea needs an assignee."),
            ),
        ]
        indexes = [
            models.Index(fields=["assignee", "status", "due_at"], name="assignment_by_assignee"),
            models.Index(fields=["due_at"], name="assignment_by_due"),
            models.Index(fields=["event_at"], name="assignment_by_event"),
        ]

    def __str__(self):
        return self.title

    def is_overdue(self, now=None):
        """Assigned, due, and nothing filed yet."""
        now = now or timezone.now()
        return self.status == self.Status.ASSIGNED and self.due_at is not None and self.due_at < now


class AssignmentTheme(TaggedItemBase):
    content_object = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("story idea theme")
        verbose_name_plural = _("story idea themes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_assignment_theme"
            ),
        ]


class AssignmentEvent(models.Model):
    """One step on a story idea's record: who moved it, from what to what, and why."""

    class Kind(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        APPROVED = "approved", _("approved")
        ASSIGNED = "assigned", _("assigned")
        STARTED = "started", _("started the story")
        FILED = "filed", _("story filed")
        DONE = "done", _("story published")
        REOPENED = "reopened", _("story taken off the schedule")
        DROPPED = "dropped", _("dropped")

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="events", verbose_name=_("story idea")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("story idea event")
        verbose_name_plural = _("story idea events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.assignment_id} {self.kind}"


def _new_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A personal iCalendar link: a secret address; revoking it makes the address answer 404."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_calendar_feed_per_user",
            ),
        ]

    def __str__(self):
        return str(self.user)
