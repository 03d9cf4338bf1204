from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.admin import BylineInline
from articles.models import Article
from photos.admin import PhotoInline


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "status",
        "union",
        "genre",
        "created_by",
        "character_count_display",
        "publish_at",
        "is_published",
    ]
    list_filter = ["status", "genre", "union", "themes", "column"]
    search_fields = ["headline", "kicker", "subheadline", "body", "bylines__name"]
    list_select_related = ["union", "created_by"]
    autocomplete_fields = ["union", "column"]
    date_hierarchy = "created_at"
    inlines = [BylineInline, PhotoInline]
    readonly_fields = [
        "status",
        "publish_at",
        "character_count_display",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["union", "genre", "kicker", "headline", "subheadline"]}),
        (_("Copy"), {"fields": ["is_staff_report", "body", "character_count_display", "summary"]}),
        (_("Filing"), {"fields": ["themes", "column", "correction_note"]}),
        (
            _("State"),
            {"fields": ["status", "publish_at", "created_by", "created_at", "updated_at"]},
        ),
    ]

    @admin.display(description=_("Length in characters"))
    def character_count_display(self, article):
        return article.character_count

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
