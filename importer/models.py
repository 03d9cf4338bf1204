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


class ImportBatch(models.Model):
    """Files an editor uploaded, read and parsed once, waiting for the editor's confirmation.

    The parsed stories are kept here rather than in the session, so that twenty large files
    neither blow up a session cookie or row nor get parsed again on every page of the preview.
    The editor's picks (a union per story, which stories to import) are kept with them. The row
    is deleted once imported; rows left unconfirmed are deleted after a day.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    normalise_punctuation = models.BooleanField(_("full-width punctuation"), default=True)
    convert_traditional = models.BooleanField(_("Traditional read as Simplified"), default=True)
    fallback_union = models.ForeignKey(
        "unions.Union",
        verbose_name=_("union for stories that name none"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # [{"name", "encoding", "converted", "story_count", "leftovers": [...]}] per file.
    sources = models.JSONField(_("files"), default=list)
    # [{"source": file name, "story": importer.stories.story_to_data(...)}] in page order.
    stories = models.JSONField(_("stories"), default=list)
    # {"<index>": {"union": union pk or null, "include": bool}}: the editor's picks.
    choices = models.JSONField(_("choices"), default=dict)
    text_bytes = models.PositiveIntegerField(_("size of the text"), default=0)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return ", ".join(source["name"] for source in self.sources)
