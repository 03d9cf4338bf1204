"""Outlets, adoptions (见报), the days' lead stories and the scoring rules, for editors."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


class AdoptionInline(admin.TabularInline):
    """The story's uses by outlets, recorded on the story's own page (editors only).

    Added to editorial's story admin through its extension point (editorial.admin.panels,
    from ReportingConfig.ready), so editorial never imports reporting.
    """

    model = Adoption
    fields = ["outlet", "date", "page", "url"]
    extra = 1
    classes = ["adoptions-inline"]
    verbose_name = _("use by an outlet (采用 / 见报)")
    verbose_name_plural = _("Used by outlets (采用 / 见报)")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_view_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def has_add_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("outlet")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outlet":
            kwargs["queryset"] = Outlet.objects.filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        """New records name who made them, as on the adoptions' own page."""
        recorder = request.user

        class RecordingForm(forms.ModelForm):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                # A phone shows the row without the table's headings: each field names itself.
                for name, field in self.fields.items():
                    if name in {"outlet", "date", "page", "url"}:
                        field.widget.attrs.setdefault("aria-label", field.label)
                    if name in {"page", "url"}:
                        field.widget.attrs.setdefault("placeholder", field.label)
                self.fields["outlet"].empty_label = gettext("Choose an outlet")
                if self.instance.outlet_id is not None:
                    # A record keeps its outlet after the outlet stops being offered.
                    field = self.fields["outlet"]
                    field.queryset = Outlet.objects.filter(
                        Q(is_active=True) | Q(pk=self.instance.outlet_id)
                    )

            def save(self, commit=True):
                if self.instance.pk is None:
                    self.instance.recorded_by = recorder
                return super().save(commit)

        kwargs["form"] = RecordingForm
        return super().get_formset(request, obj, **kwargs)


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
