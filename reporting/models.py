from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Level(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    CITY = "city", _("City")


class Outlet(models.Model):
    """A paper, site or platform that used the desk's stories (见报 / 外采), e.g. 工人日报."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    ordering = models.PositiveIntegerField(_("ordering"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive outlets are not offered for new records.")
    )

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["ordering", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=["national", "provincial", "city"]),
                name="outlet_level_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name}({self.get_level_display()})"


class Adoption(models.Model):
    """A story used by an outlet (采用 / 见报): where, when, on which page, at which address."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="adoptions"
    )
    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="adoptions"
    )
    date = models.DateField(_("date"), help_text=_("The day it appeared (Beijing time)."))
    page = models.CharField(
        _("page"), max_length=30, blank=True, help_text=_("The page or edition (版次), e.g. 第3版.")
    )
    url = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        # A link readers may follow: no ftp://, no javascript: or data: addresses.
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The address of the outlet's page (http or https)."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("adoption by an outlet")
        verbose_name_plural = _("adoptions by outlets (见报)")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "outlet"],
                name="one_adoption_per_outlet",
                violation_error_message=_("This outlet's use of the story is recorded already."),
            ),
        ]
        indexes = [models.Index(fields=["date"], name="adoption_by_date")]

    def __str__(self):
        return f"{self.outlet.name} {self.date:%Y-%m-%d}"

    def clean(self):
        """An outlet uses a story on a day that has come, and not before the site published it."""
        super().clean()
        if self.date is None:
            return
        today = timezone.localdate()
        if self.date > today:
            raise ValidationError(
                {"date": _("This day has not come yet: record the use once it appeared.")},
                code="future",
            )
        publish_at = None
        if self.article_id is not None:
            publish_at = (
                Article.objects.filter(pk=self.article_id)
                .values_list("publish_at", flat=True)
                .first()
            )
        if publish_at is not None and self.date < timezone.localdate(publish_at):
            raise ValidationError(
                {
                    "date": _(
                        "The story was published on %(day)s: an outlet cannot have used it earlier."
                    )
                    % {"day": f"{timezone.localdate(publish_at):%Y-%m-%d}"}
                },
                code="before_publication",
            )


class FrontPageLead(models.Model):
    """The home page's lead story of a day (头条), one per day in Beijing time."""

    date = models.DateField(_("date"), unique=True)
    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="front_page_days"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("lead story of the day (头条)")
        verbose_name_plural = _("lead stories of the day (头条)")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"


class ScoringRule(models.Model):
    """Points the desk gives: per used story of a genre, per outlet level, and a 头条 bonus."""

    class Subject(models.TextChoices):
        NEWS = "genre:news", _("Used on the site: news")
        FEATURE = "genre:feature", _("Used on the site: feature")
        PHOTO = "genre:photo", _("Used on the site: photo news")
        COMMENTARY = "genre:commentary", _("Used on the site: commentary")
        NATIONAL = "level:national", _("Used by a national outlet")
        PROVINCIAL = "level:provincial", _("Used by a provincial outlet")
        CITY = "level:city", _("Used by a city outlet")
        HEADLINE = "headline", _("Lead story of the day (头条) bonus")

    subject = models.CharField(_("for"), max_length=30, choices=Subject.choices, unique=True)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=1)

    class Meta:
        verbose_name = _("scoring rule")
        verbose_name_plural = _("scoring rules")
        ordering = ["subject"]

    def __str__(self):
        return f"{self.get_subject_display()}: {self.points}"


DEFAULT_POINTS = {
    "genre:news": Decimal("1"),
    "genre:feature": Decimal("2"),
    "genre:photo": Decimal("1"),
    "genre:commentary": Decimal("2"),
    "level:national": Decimal("10"),
    "level:provincial": Decimal("5"),
    "level:city": Decimal("2"),
    "headline": Decimal("3"),
}


class StatisticsPage(ScoringRule):
    """The statistics page's entry in the admin's menu (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = _("information work statistics")
        verbose_name_plural = _("information work statistics")


class DailyTally(models.Model):
    """What a union (and a correspondent there) filed, had used, adopted and led with on a day.

    A summary of the source tables, kept by reporting.summary and read by the statistics page;
    never edited by hand. Correspondent is empty for stories that did not come from a filing.
    """

    day = models.DateField(_("date"))
    union = models.ForeignKey(
        "unions.Union", verbose_name=_("union"), on_delete=models.CASCADE, related_name="+"
    )
    correspondent = models.ForeignKey(
        "correspondents.Correspondent",
        verbose_name=_("correspondent"),
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    genre = models.CharField(_("genre"), max_length=20)
    filed = models.PositiveIntegerField(default=0)
    used = models.PositiveIntegerField(default=0)
    photos = models.PositiveIntegerField(default=0)
    headlines = models.PositiveIntegerField(default=0)
    adopted_national = models.PositiveIntegerField(default=0)
    adopted_provincial = models.PositiveIntegerField(default=0)
    adopted_city = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily tally")
        verbose_name_plural = _("daily tallies")
        indexes = [models.Index(fields=["day"], name="daily_tally_by_day")]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "union", "correspondent", "genre"],
                name="one_daily_tally_per_key",
            ),
        ]

    def __str__(self):
        return f"{self.day:%Y-%m-%d}"


class SummarizedDay(models.Model):
    """A day of the summary: its row is locked while the day is worked out again."""

    day = models.DateField(primary_key=True)
    refreshed_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.day:%Y-%m-%d}"
