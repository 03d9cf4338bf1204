from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


def _today():
    return timezone.localdate()


class Correspondent(models.Model):
    """A 通讯员 at a union, who files copy to the desk, usually without a desk account."""

    name = models.CharField(_("name"), max_length=40)
    union = models.ForeignKey(
        "unions.Union",
        verbose_name=_("union"),
        on_delete=models.PROTECT,
        related_name="correspondents",
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Optional: the correspondent is told here what became of each filing."),
    )
    since = models.DateField(_("correspondent since"), default=_today)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("An inactive correspondent's link stops working.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("desk account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="correspondent",
        help_text=_("Optional: a correspondent with an account files when logged in."),
    )
    # The secret part of the personal filing link; empty when the link is revoked.
    link_key = models.CharField(_("link key"), max_length=64, blank=True, editable=False)
    link_issued_at = models.DateTimeField(_("link issued"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("correspondent")
        verbose_name_plural = _("correspondents")
        ordering = ["union__path", "name"]
        indexes = [models.Index(fields=["union", "name"], name="correspondent_by_union")]

    def __str__(self):
        return f"{self.name}({self.union.label})"

    @property
    def has_link(self):
        return bool(self.link_key)


class Filing(models.Model):
    """A piece of copy (来稿) a correspondent sent, waiting for the desk or decided."""

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    correspondent = models.ForeignKey(
        Correspondent,
        verbose_name=_("correspondent"),
        on_delete=models.PROTECT,
        related_name="filings",
    )
    union = models.ForeignKey(
        "unions.Union",
        verbose_name=_("union"),
        on_delete=models.PROTECT,
        related_name="filings",
        help_text=_("The union the copy reports on."),
    )
    headline = models.CharField(_("headline"), max_length=120)
    body = models.TextField(_("body"))
    genre = models.CharField(
        _("genre"), max_length=20, choices=Article.Genre.choices, default=Article.Genre.NEWS
    )
    coauthors = models.CharField(
        _("co-authors"),
        max_length=120,
        blank=True,
        help_text=_("Other correspondents who wrote it, separated by spaces."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.RECEIVED, editable=False
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, editable=False)
    article = models.OneToOneField(
        Article,
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="filing",
        editable=False,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    # A keyed hash of the sender's address: enough to limit filings per address, not to trace it.
    address_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings (来稿)")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "submitted_at"], name="filing_queue"),
            models.Index(fields=["correspondent", "submitted_at"], name="filing_by_correspondent"),
            models.Index(fields=["address_digest", "submitted_at"], name="filing_by_address"),
            models.Index(fields=["union", "submitted_at"], name="filing_by_union"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["received", "accepted", "declined"]),
                name="filing_state_valid",
            ),
        ]

    def __str__(self):
        return self.headline

    def coauthor_names(self):
        return [
            name for name in self.coauthors.replace(",", " ").replace("、", " ").split() if name
        ]


class FilingPhoto(models.Model):
    """A photo sent with a filing: a photos.Photo without a story until the filing is accepted."""

    filing = models.ForeignKey(
        Filing, verbose_name=_("filing"), on_delete=models.CASCADE, related_name="filing_photos"
    )
    photo = models.OneToOneField(
        "photos.Photo",
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="filing_photo",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("filed photo")
        verbose_name_plural = _("filed photos")
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.photo)
