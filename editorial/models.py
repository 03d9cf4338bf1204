from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ArticleEvent(models.Model):
    """One step in a story's life: who moved it from which status to which, when and why."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted for review")
        TAKEN_BACK = "taken_back", _("Taken back to draft")
        RETURNED = "returned", _("Returned to the author")
        APPROVED = "approved", _("Approved")
        RESCHEDULED = "rescheduled", _("Publication time changed")
        UNSCHEDULED = "unscheduled", _("Taken off the schedule")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CORRECTED = "corrected", _("Corrected after publication")
        RESTORED = "restored", _("Earlier version restored")
        PREVIEW_SHARED = "preview_shared", _("Preview link shared")

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_events",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("The publication time the step set, for approvals and rescheduling."),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("story event")
        verbose_name_plural = _("story events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The review desk's "submitted at" column reads the newest submission per story.
            models.Index(fields=["article", "kind", "-created_at"], name="event_by_article_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article_id}"

    @property
    def changes_status(self):
        return self.from_status != self.to_status
