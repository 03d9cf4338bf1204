from decimal import Decimal

from django.conf import settings
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
    url = models.URLField(_("link"), max_length=500, blank=True)
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
