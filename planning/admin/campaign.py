from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from planning.models import Campaign
from planning.selectors import campaign_years


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "period", "theme_list", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "note"]
    fieldsets = [
        (None, {"fields": ["name", "themes", "note", "is_active"]}),
        (
            _("Every year"),
            {
                "fields": [("start_month", "start_day"), ("end_month", "end_day")],
                "description": _(
                    "An end before the start runs across the new year (e.g. December to February)."
                ),
            },
        ),
    ]
    change_form_template = "planning/admin/campaign_change_form.html"

    class Media:
        css = {"all": ["planning/css/planning.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    @admin.display(description=_("period"))
    def period(self, obj):
        return obj.period_label()

    @admin.display(description=_("themes"))
    def theme_list(self, obj):
        return "、".join(tag.name for tag in obj.themes.all())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        campaign = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if campaign is not None:
            extra_context["editions"] = campaign_years(campaign, request.user)
        return super().change_view(request, object_id, form_url, extra_context)
