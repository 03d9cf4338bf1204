from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from syndication.models import PartnerToken


@admin.register(PartnerToken)
class PartnerTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "key_prefix", "created_at", "last_used_at", "is_active_display"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name"]
    fields = ["name", "key_prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    @admin.display(boolean=True, description=_("active"))
    def is_active_display(self, token):
        return token.is_active

    def has_delete_permission(self, request, obj=None):
        # Revoked, never deleted: the list keeps who had access and until when.
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            token = obj.issue()
            obj.created_by = request.user
            messages.warning(
                request,
                _(
                    "The token for %(partner)s is %(token)s. Copy it now and send it to the "
                    "partner: it is not shown again. Requests send it as “Authorization: "
                    "Bearer <token>”."
                )
                % {"partner": obj.name, "token": token},
            )
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
            % {"count": count},
        )


@admin.action(description=_("Export the selected stories as one Word file"), permissions=["view"])
def export_word(model_admin, request, queryset):
    stories = list(queryset.visible_to(request.user).for_listing().order_by("-publish_at", "pk"))
    if not stories:
        model_admin.message_user(request, _("No story to export."), messages.ERROR)
        return None
    # python-docx (about 15 MB once imported) is read by Word downloads only.
    from syndication import docx_export

    return docx_export.docx_response(stories)


@admin.action(description=_("Copy for the WeChat official account"), permissions=["view"])
def copy_for_wechat(model_admin, request, queryset):
    if queryset.count() != 1:
        model_admin.message_user(
            request,
            _("Select exactly one story to copy for the official account."),
            messages.ERROR,
        )
        return None
    return redirect(reverse("syndication:story_wechat", args=[queryset.get().pk]))


def add_story_actions():
    """Offer the Word export and the 公众号 copy on the newsroom's story list.

    The story admin is editorial's; syndication adds its actions to it rather than editorial
    knowing about partners (dependencies point down).
    """
    story_admin = admin.site.get_model_admin(Article)
    existing = list(story_admin.actions or [])
    for action in (export_word, copy_for_wechat):
        if action not in existing:
            existing.append(action)
    story_admin.actions = existing


# Admin modules load in INSTALLED_APPS order, so editorial's story admin is registered by now.
add_story_actions()
