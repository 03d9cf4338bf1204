"""Outlets, adoptions (见报), the days' lead stories and the scoring rules, for editors."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect

from correspondents.admin import EditorsOnlyAdmin
from correspondents.rules import is_desk_editor
from reporting.models import Adoption, FrontPageLead, Outlet, ScoringRule, StatisticsPage


@admin.register(Outlet)
class OutletAdmin(EditorsOnlyAdmin):
    list_display = ["name", "level", "ordering", "is_active"]
    list_editable = ["level", "ordering", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name"]


@admin.register(Adoption)
class AdoptionAdmin(EditorsOnlyAdmin):
    """Where else a story was used; open it from a story with ?article=<id> to prefill it."""

    list_display = ["date", "article", "outlet", "page", "url"]
    list_filter = ["outlet__level", "outlet"]
    list_select_related = ["article", "outlet"]
    search_fields = ["article__headline", "outlet__name"]
    autocomplete_fields = ["article"]
    date_hierarchy = "date"
    fields = ["article", "outlet", "date", "page", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outlet":
            kwargs["queryset"] = Outlet.objects.filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(FrontPageLead)
class FrontPageLeadAdmin(EditorsOnlyAdmin):
    list_display = ["date", "article"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    date_hierarchy = "date"
    search_fields = ["article__headline"]


@admin.register(ScoringRule)
class ScoringRuleAdmin(EditorsOnlyAdmin):
    list_display = ["subject", "points"]
    list_editable = ["points"]

    def has_delete_permission(self, request, obj=None):
        # Every subject keeps a rule; set its points to 0 to stop counting it.
        return False


@admin.register(StatisticsPage)
class StatisticsPageAdmin(EditorsOnlyAdmin):
    """Opens the statistics page from the admin's menu."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not is_desk_editor(request.user):
            raise PermissionDenied
        return redirect("reporting:statistics")
