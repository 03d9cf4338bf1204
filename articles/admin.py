from django.contrib import admin

from articles.models import Article, Byline, Column


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


@admin.register(Byline)
class BylineAdmin(admin.ModelAdmin):
    """Every byline in one list, to find all the stories of a correspondent.

    Read-only: bylines are edited on their story, where the workflow decides who may edit.
    """

    list_display = ["name", "role", "article", "user"]
    list_filter = ["role"]
    search_fields = ["name", "article__headline"]
    list_select_related = ["article", "user"]

    def get_queryset(self, request):
        # A reporter sees only the bylines of stories they may see on the desk.
        queryset = super().get_queryset(request)
        return queryset.filter(article__in=Article.objects.visible_to(request.user).values("pk"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
