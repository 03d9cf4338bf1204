from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from importer.batches import progress as batch_progress
from importer.batches import retry
from importer.models import ImportBatch, ImportedStory, ImportFile


@admin.register(ImportedStory)
class ImportedStoryAdmin(admin.ModelAdmin):
    """What came in through the importer, and from which file. Read-only: the importer writes it."""

    list_display = ["article", "source_name", "imported_by", "imported_at"]
    list_select_related = ["article", "imported_by"]
    search_fields = ["source_name", "article__headline"]
    date_hierarchy = "imported_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ImportFileInline(admin.TabularInline):
    model = ImportFile
    fields = ["name", "size", "file"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Imports and their state: a failed parse or import shows its reason here, with its files.

    Read-only; the importer's tasks write it. Only superusers (or those given the permission)
    see it, and each sees only their own batches unless a superuser: a batch holds unpublished
    copy.
    """

    list_display = ["created_at", "created_by", "__str__", "state", "progress", "short_error"]
    list_filter = ["state"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"
    inlines = [ImportFileInline]
    actions = ["try_again"]
    fields = [
        "created_by",
        "created_at",
        "state",
        "error",
        "may_retry",
        "finished_at",
        "files_read",
        "stories_found",
        "to_import",
        "results",
        "fallback_union",
        "normalise_punctuation",
        "convert_traditional",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        batches = super().get_queryset(request).prefetch_related("files")
        return batches if request.user.is_superuser else batches.filter(created_by=request.user)

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("progress"))
    def progress(self, batch):
        done, total = batch_progress(batch)
        return f"{done}/{total}" if total is not None else "—"

    @admin.display(description=_("error"))
    def short_error(self, batch):
        return Truncator(batch.error).chars(80)

    @admin.action(permissions=["change"], description=_("Try the failed imports again"))
    def try_again(self, request, queryset):
        started = [batch for batch in queryset if retry(batch).state != ImportBatch.State.FAILED]
        self.message_user(
            request,
            ngettext(
                "%(count)d import started again.", "%(count)d imports started again.", len(started)
            )
            % {"count": len(started)},
        )
