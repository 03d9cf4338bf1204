from django.contrib import admin

from importer.models import ImportedStory


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
