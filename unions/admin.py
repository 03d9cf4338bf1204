from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from unions.models import Union


@admin.register(Union)
class UnionAdmin(admin.ModelAdmin):
    list_display = ["indented_name", "short_name", "kind", "slug", "ordering", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "slug"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    ordering = ["path"]
    fields = [
        "name",
        "short_name",
        "slug",
        "kind",
        "parent",
        "ordering",
        "is_active",
        "description",
    ]

    def get_readonly_fields(self, request, obj=None):
        # A slug is stable once set: shared links must keep working.
        return ["slug"] if obj and obj.slug else []

    @admin.display(description=_("name"), ordering="path")
    def indented_name(self, union):
        return format_html(
            '<span style="padding-left:{}em">{}</span>', union.depth * 1.5, union.name
        )
