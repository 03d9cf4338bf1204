from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
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


def import_files_storage():
    """Uploaded copy is kept out of MEDIA_ROOT: drafts are not for the public web server."""
    return storages["imports"]


class ImportBatch(models.Model):
    """Files an editor uploaded, parsed once in the background, then imported in the background.

    The upload request only stores the files (ImportFile) and this row, QUEUED; the parse task
    reads and parses them once and keeps the stories here (READY), rather than in the session,
    so that twenty large files neither blow up a session nor get parsed again on every page of
    the preview. The editor's picks (a union per story, which stories to import) are kept with
    them. Confirming marks the row IMPORTING with the stories to create; the import task files
    each as a draft and records, story by story, which draft it made or why it could not, so an
    attempt that runs again creates nothing twice. A parse that fails leaves the row FAILED with
    the reason, and its files. Rows are deleted, with their files, a day after the upload.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        PARSING = "parsing", _("Being read")
        READY = "ready", _("Ready to import")
        IMPORTING = "importing", _("Being imported")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.QUEUED)
    error = models.TextField(_("error"), blank=True)
    # An unexpected error (not the copy's fault) may go away: the batch's page offers a retry.
    may_retry = models.BooleanField(_("may be tried again"), default=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
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
    # While parsing: files read and stories found so far.
    files_read = models.PositiveIntegerField(_("files read"), default=0)
    stories_found = models.PositiveIntegerField(_("stories found"), default=0)
    # [{"name", "encoding", "converted", "story_count", "leftovers": [...]}] per file.
    sources = models.JSONField(_("files"), default=list)
    # [{"source": file name, "story": importer.stories.story_to_data(...)}] in page order.
    stories = models.JSONField(_("stories"), default=list)
    # {"<index>": {"union": union pk or null, "include": bool}}: the editor's picks.
    choices = models.JSONField(_("choices"), default=dict)
    text_bytes = models.PositiveIntegerField(_("size of the text"), default=0)
    # Indexes of the stories confirmed for import, in page order.
    to_import = models.JSONField(_("stories to import"), default=list)
    # {"<index>": {"article": pk} or {"error": message}}: written with each draft, in its
    # transaction, so the import task never files a story twice.
    results = models.JSONField(_("results"), default=dict)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        names = [source["name"] for source in self.sources] or [
            upload.name for upload in self.files.all()
        ]
        return ", ".join(names)

    @property
    def is_working(self):
        return self.state in {self.State.QUEUED, self.State.PARSING, self.State.IMPORTING}


class ImportFile(models.Model):
    """One uploaded file of a batch, kept as uploaded until the batch is deleted."""

    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("import batch"), on_delete=models.CASCADE, related_name="files"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(
        _("file"), upload_to="imports/%Y/%m/%d/", storage=import_files_storage, max_length=255
    )
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        ordering = ["batch", "position", "pk"]

    def __str__(self):
        return self.name


@receiver(post_delete, sender=ImportFile)
def _delete_stored_file(sender, instance, **kwargs):
    """A deleted batch (after a day, or in the admin) takes its files with it, once committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
