from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportedStory(models.Model):
    """A story that came in through the importer, with the fingerprint of its copy.

    Importing the same copy again finds the fingerprint and creates nothing. Deleting the
    story deletes this record, so deleted copy can be imported afresh.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="import_record",
    )
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 of the headline and body with punctuation and spacing normalised."),
    )
    source_name = models.CharField(_("file"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("imported story")
        verbose_name_plural = _("imported stories")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.source_name}: {self.article}"
