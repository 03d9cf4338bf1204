from django.contrib import admin

from articles.models import Byline, Column


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    fields = ["position", "role", "name", "user"]
    autocomplete_fields = ["user"]


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
