"""The registry of correspondents and the 来稿 queue, for the desk's editors only."""

import segno
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles import body as body_format
from correspondents import links, services
from correspondents.forms import DecisionForm, DeclineForm
from correspondents.models import Correspondent, Filing
from correspondents.rules import is_desk_editor
from editorial.roles import EDITOR, REPORTER


class EditorsOnlyAdmin(admin.ModelAdmin):
    """Contact details and the queue are for editors: reporters do not see these pages."""

    def has_module_permission(self, request):
        return is_desk_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def has_add_permission(self, request):
        return is_desk_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return is_desk_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_desk_editor(request.user)


def _qr_svg(url):
    return segno.make(url, error="m").svg_data_uri(scale=6, border=2)


@admin.register(Correspondent)
class CorrespondentAdmin(EditorsOnlyAdmin):
    change_form_template = "admin/correspondents/correspondent/change_form.html"
    list_display = [
        "name",
        "union",
        "phone",
        "email",
        "since",
        "is_active",
        "link_column",
        "filing_count",
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "phone", "email", "union__name"]
    autocomplete_fields = ["union", "user"]
    readonly_fields = ["link_display", "link_issued_at"]
    fields = [
        "name",
        "union",
        "phone",
        "email",
        "since",
        "is_active",
        "user",
        "link_display",
        "link_issued_at",
    ]
    actions = ["issue_links", "revoke_links"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("union")
            .annotate(filing_total=Count("filings"))
        )

    @admin.display(description=gettext_lazy("filings"), ordering="filing_total")
    def filing_count(self, correspondent):
        return correspondent.filing_total

    @admin.display(description=gettext_lazy("filing link"), boolean=True)
    def link_column(self, correspondent):
        return correspondent.has_link

    @admin.display(description=gettext_lazy("personal filing link"))
    def link_display(self, correspondent):
        if not correspondent.pk:
            return _("Save the correspondent first; a link is issued then.")
        url = links.absolute_url(correspondent)
        if not url:
            return _("No link: it was revoked. Issue a new one below.")
        return format_html(
            '<div class="correspondent-link"><img src="{}" width="180" height="180" alt="{}">'
            '<p><a href="{}" rel="noreferrer">{}</a></p><p><a href="{}">{}</a></p></div>',
            _qr_svg(url),
            _("QR code of the filing link"),
            url,
            url,
            reverse("admin:correspondents_correspondent_card", args=[correspondent.pk]),
            _("Printable card with the QR code"),
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.issue_link(correspondent=obj)

    @admin.action(description=gettext_lazy("Issue new filing links"), permissions=["change"])
    def issue_links(self, request, queryset):
        for correspondent in queryset:
            services.issue_link(correspondent=correspondent)
        self.message_user(
            request, _("New links issued; the old ones no longer work."), messages.SUCCESS
        )

    @admin.action(description=gettext_lazy("Revoke filing links"), permissions=["change"])
    def revoke_links(self, request, queryset):
        for correspondent in queryset:
            services.revoke_link(correspondent=correspondent)
        self.message_user(request, _("Links revoked."), messages.SUCCESS)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/card/", wrap(self.card_view), name="correspondents_correspondent_card"),
            path(
                "<int:pk>/link/<str:step>/",
                wrap(require_POST(self.link_view)),
                name="correspondents_correspondent_link",
            ),
            *super().get_urls(),
        ]

    def card_view(self, request, pk):
        if not is_desk_editor(request.user):
            raise PermissionDenied
        correspondent = get_object_or_404(Correspondent.objects.select_related("union"), pk=pk)
        url = links.absolute_url(correspondent)
        return render(
            request,
            "correspondents/card.html",
            {
                "correspondent": correspondent,
                "url": url,
                "qr": _qr_svg(url) if url else "",
            },
        )

    def link_view(self, request, pk, step):
        if not is_desk_editor(request.user) or step not in {"issue", "revoke"}:
            raise PermissionDenied
        correspondent = get_object_or_404(Correspondent, pk=pk)
        if step == "issue":
            services.issue_link(correspondent=correspondent)
            self.message_user(
                request, _("A new link was issued; the old one no longer works."), messages.SUCCESS
            )
        else:
            services.revoke_link(correspondent=correspondent)
            self.message_user(request, _("The link was revoked."), messages.SUCCESS)
        return redirect("admin:correspondents_correspondent_change", pk)


class FilingStateFilter(admin.SimpleListFilter):
    """The queue opens on what waits: new filings first."""

    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*Filing.State.choices, ("all", _("All"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or Filing.State.RECEIVED) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Filing.State.RECEIVED
        return queryset if value == "all" else queryset.filter(state=value)


def desk_members():
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name__in=[EDITOR, REPORTER])
        .distinct()
        .order_by("username")
    )


@admin.register(Filing)
class FilingAdmin(EditorsOnlyAdmin):
    change_form_template = "admin/correspondents/filing/change_form.html"
    list_display = [
        "submitted_at",
        "headline",
        "correspondent_column",
        "union",
        "genre",
        "photo_count",
        "state",
        "story_column",
    ]
    list_filter = [FilingStateFilter, "genre"]
    search_fields = ["headline", "correspondent__name", "union__name"]
    date_hierarchy = "submitted_at"
    fields = [
        "headline",
        "correspondent_column",
        "contact_display",
        "union",
        "genre",
        "coauthors",
        "submitted_at",
        "state",
        "decision_display",
        "story_column",
        "body_display",
        "photos_display",
    ]
    readonly_fields = fields
    ordering = ["submitted_at", "pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("correspondent", "union", "article", "decided_by")
            .annotate(photo_total=Count("filing_photos"))
        )

    def get_ordering(self, request):
        # New filings: the one waiting longest first; decided ones: the newest first.
        if request.GET.get("state") in {"accepted", "declined", "all"}:
            return ["-submitted_at", "-pk"]
        return ["submitted_at", "pk"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Filings are read as sent; the desk edits the draft made from one.
        return False

    @admin.display(description=gettext_lazy("correspondent"), ordering="correspondent__name")
    def correspondent_column(self, filing):
        return filing.correspondent.name

    @admin.display(description=gettext_lazy("contact"))
    def contact_display(self, filing):
        correspondent = filing.correspondent
        return (
            " · ".join(part for part in (correspondent.phone, correspondent.email) if part) or "—"
        )

    @admin.display(description=gettext_lazy("photos"), ordering="photo_total")
    def photo_count(self, filing):
        return filing.photo_total

    @admin.display(description=gettext_lazy("story"))
    def story_column(self, filing):
        if filing.article is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[filing.article_id]),
            filing.article.get_status_display(),
        )

    @admin.display(description=gettext_lazy("decision"))
    def decision_display(self, filing):
        if filing.state == Filing.State.RECEIVED:
            return "—"
        who = (
            filing.decided_by.get_full_name() or filing.decided_by.get_username()
            if (filing.decided_by)
            else "—"
        )
        text = f"{filing.get_state_display()} · {who}"
        if filing.decline_reason:
            text += f" · {filing.decline_reason}"
        return text

    @admin.display(description=gettext_lazy("text"))
    def body_display(self, filing):
        return format_html(
            '<div class="filing-body">{}</div>', body_format.render_html(filing.body)
        )

    @admin.display(description=gettext_lazy("photos"))
    def photos_display(self, filing):
        photos = [item.photo for item in filing.filing_photos.select_related("photo")]
        if not photos:
            return "—"
        return format_html_join(
            "",
            '<figure class="filing-photo"><img src="{}" alt="{}" width="240"><figcaption>{}'
            "</figcaption></figure>",
            ((photo.fallback_url, photo.alt, photo.caption) for photo in photos),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        filing = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if filing is not None and filing.state == Filing.State.RECEIVED:
            extra_context["accept_form"] = DecisionForm(
                editors=desk_members(), initial={"assignee": request.user.pk}
            )
            extra_context["decline_form"] = DeclineForm()
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/decide/<str:step>/",
                wrap(require_POST(self.decide_view)),
                name="correspondents_filing_decide",
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request, pk, step):
        if not is_desk_editor(request.user) or step not in {"accept", "decline"}:
            raise PermissionDenied
        filing = get_object_or_404(Filing, pk=pk)
        change_url = reverse("admin:correspondents_filing_change", args=[pk])
        if step == "accept":
            form = DecisionForm(request.POST, editors=desk_members())
        else:
            form = DeclineForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    self.message_user(request, message, messages.ERROR)
            return redirect(change_url)
        try:
            if step == "accept":
                article = services.accept_filing(
                    filing=filing, actor=request.user, assignee=form.cleaned_data["assignee"]
                )
            else:
                services.decline_filing(
                    filing=filing, actor=request.user, reason=form.cleaned_data["reason"]
                )
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
            return redirect(change_url)
        if step == "accept":
            self.message_user(
                request,
                _("Accepted: the draft “%(headline)s” is on the desk.")
                % {"headline": article.headline},
                messages.SUCCESS,
            )
            return redirect("admin:articles_article_change", article.pk)
        self.message_user(
            request, _("Declined; the correspondent sees the reason."), messages.SUCCESS
        )
        return redirect("admin:correspondents_filing_changelist")
