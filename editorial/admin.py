"""The review desk: the story admin with its workflow buttons, history, diff and bulk actions."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timeuntil
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag

from articles.admin import BylineInline
from articles.models import Article, ArticleTheme
from editorial import diff, preview_links, rules, selectors, services
from editorial.formatting import display_name, local_time, zone_name
from editorial.forms import ArticleAdminForm, PublishTimeForm, ReasonForm
from editorial.models import ArticleEvent
from editorial.services import TransitionNotAllowed
from photos.admin import PhotoInline
from unions.models import Union

Status = Article.Status

# What a save of the story form writes: never the status or the publication time, which only
# the workflow's transitions write.
SAVED_FIELDS = [
    field.name
    for field in Article._meta.concrete_fields
    if field.name not in {"id", "status", "publish_at", "created_by", "created_at"}
]

# The copy shown back to a user whose save was refused, so that nothing they typed is lost.
COPY_FIELDS = ["kicker", "headline", "subheadline", "body", "summary", "correction_note"]

TRANSITION_FORMS = {"reason": ReasonForm, "publish_time": PublishTimeForm}


def status_key_and_label(article):
    """The desk's status for a story: scheduled and returned stories are told apart."""
    if article.is_scheduled():
        return "scheduled", gettext("Scheduled")
    if (
        article.status == Status.DRAFT
        and getattr(article, "last_move", None) == ArticleEvent.Kind.RETURNED
    ):
        return "returned", gettext("Returned")
    return article.status, article.get_status_display()


def status_badge(article):
    key, label = status_key_and_label(article)
    return format_html('<span class="desk-status desk-status--{}">{}</span>', key, label)


def publication_text(article):
    if article.publish_at is None:
        return "—"
    if article.is_scheduled():
        return format_html(
            '<span class="desk-scheduled">{} {}</span>',
            gettext("Scheduled"),
            local_time(article.publish_at),
        )
    return local_time(article.publish_at)


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("returned", _("Returned to the author")),
            ("review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
            ("withdrawn", _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "draft":
            return queryset.drafts()
        if value == "returned":
            return queryset.drafts().filter(last_move=ArticleEvent.Kind.RETURNED)
        if value == "review":
            return queryset.in_review()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "published":
            return queryset.published()
        if value == "withdrawn":
            return queryset.withdrawn()
        return queryset


class MyStoriesFilter(admin.SimpleListFilter):
    title = _("my stories")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("My stories"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(created_by=request.user)
        return queryset


class UnionFilter(admin.SimpleListFilter):
    """A union with all its sub-unions: a city's desk sees its counties' and enterprises' copy."""

    title = _("union (with its sub-unions)")
    parameter_name = "union"

    def lookups(self, request, model_admin):
        self.unions = {str(union.pk): union for union in Union.objects.order_by("path")}
        # Full-width spaces indent the tree; they survive the admin's escaping.
        return [(pk, "\u3000" * union.depth + union.name) for pk, union in self.unions.items()]

    def queryset(self, request, queryset):
        union = self.unions.get(self.value() or "")
        return queryset.by_union(union) if union is not None else queryset


class AuthorFilter(admin.SimpleListFilter):
    """The desk accounts that filed stories, by the names the desk knows them by."""

    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        authors = get_user_model().objects.filter(
            pk__in=Article.objects.filter(created_by__isnull=False).values("created_by")
        )
        named = [(str(user.pk), display_name(user)) for user in authors]
        return sorted(named, key=lambda item: item[1])

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(created_by_id=int(self.value()))
        return queryset


class ThemeFilter(admin.SimpleListFilter):
    title = _("theme")
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        used = Tag.objects.filter(pk__in=ArticleTheme.objects.values("tag_id")).order_by("name")
        return [(tag.slug, tag.name) for tag in used]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(themes__slug=self.value())
        return queryset


class ArticleBylineInline(BylineInline):
    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        # Choosing a byline's desk account needs the user list, which reporters do not see.
        if not request.user.has_perm("auth.view_user"):
            fields = [name for name in fields if name != "user"]
        return fields


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    change_form_template = "editorial/admin/article_change_form.html"
    change_list_template = "editorial/admin/article_change_list.html"
    object_history_template = "editorial/admin/article_history.html"
    list_display = [
        "headline",
        "status_column",
        "union_column",
        "genre",
        "author_column",
        "length_column",
        "submitted_column",
        "publication_column",
    ]
    list_select_related = ["union", "created_by"]
    search_fields = ["headline", "kicker", "subheadline", "body", "bylines__name"]
    autocomplete_fields = ["union", "column"]
    inlines = [ArticleBylineInline, PhotoInline]
    actions = ["publish_now", "return_to_authors", "withdraw_selected"]
    ordering = ["-updated_at", "-pk"]
    readonly_fields = [
        "character_count_display",
        "status_display",
        "publication_display",
        "author_display",
        "created_at",
        "updated_at",
    ]

    class Media:
        css = {"all": ["editorial/css/desk.css"]}
        js = ["editorial/js/workflow.js"]

    # Who sees and edits what.

    def get_queryset(self, request):
        queryset = selectors.with_desk_columns(rules.visible_articles(request.user))
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_ordering(self, request):
        # The review queue: the story waiting longest first.
        if request.GET.get(StatusFilter.parameter_name) == "review":
            return [selectors.waiting_since().asc(), "pk"]
        return super().get_ordering(request)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or rules.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or rules.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.can_delete(request.user, obj))

    def has_review_permission(self, request):
        return request.user.has_perm(rules.REVIEW)

    def has_publish_permission(self, request):
        return request.user.has_perm(rules.PUBLISH)

    def has_withdraw_permission(self, request):
        return request.user.has_perm(rules.WITHDRAW)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Deleting goes one draft at a time: a story that reached the desk is withdrawn.
        actions.pop("delete_selected", None)
        return actions

    def get_list_filter(self, request):
        if rules.is_reviewer(request.user):
            return [
                StatusFilter,
                MyStoriesFilter,
                UnionFilter,
                ThemeFilter,
                "genre",
                AuthorFilter,
            ]
        return [StatusFilter, UnionFilter, ThemeFilter, "genre"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["union", "genre", "kicker", "headline", "subheadline"]}),
            (
                _("Copy"),
                {"fields": ["is_staff_report", "body", "character_count_display", "summary"]},
            ),
            (_("Filing"), {"fields": ["themes", "column"]}),
        ]
        # A correction is for copy readers have seen: not for a story still on the schedule.
        if obj is not None and (obj.is_published() or obj.status == Status.WITHDRAWN):
            fieldsets.append(
                (
                    _("Correction"),
                    {
                        "fields": ["correction_note"],
                        "description": _(
                            "Saving changes to a published story records a correction. "
                            "A correction note (更正) is shown to readers at the end of the story."
                        ),
                    },
                )
            )
        if obj is not None:
            fieldsets.append(
                (
                    _("State"),
                    {
                        "fields": [
                            "status_display",
                            "publication_display",
                            "author_display",
                            "created_at",
                            "updated_at",
                        ]
                    },
                )
            )
        return fieldsets

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published() else None

    # Columns and read-only fields.

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, article):
        return status_badge(article)

    @admin.display(description=_("union"), ordering="union__path")
    def union_column(self, article):
        return article.union.name

    @admin.display(description=_("author"), ordering="created_by__username")
    def author_column(self, article):
        return display_name(article.created_by) if article.created_by_id else "—"

    @admin.display(description=_("Length (characters)"))
    def length_column(self, article):
        return article.character_count

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted_column(self, article):
        return local_time(article.submitted_at) or "—"

    @admin.display(description=_("publication time"), ordering="publish_at")
    def publication_column(self, article):
        return publication_text(article)

    @admin.display(description=_("Length (characters)"))
    def character_count_display(self, article):
        return article.character_count

    @admin.display(description=_("status"))
    def status_display(self, article):
        return status_badge(article)

    @admin.display(description=_("publication time"))
    def publication_display(self, article):
        return publication_text(article)

    @admin.display(description=_("author"))
    def author_display(self, article):
        return self.author_column(article)

    # Saving: optimistic locking, and never the status.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None:
            article = self.get_object(request, unquote(object_id))
            if (
                article is not None
                and rules.could_edit(request.user, article)
                and not self.has_change_permission(request, article)
            ):
                return self._unsaved_changes_response(request, article)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _unsaved_changes_response(self, request, article):
        """The story left an editable status while the user typed: show their text back."""
        change = selectors.last_change(article)
        copy = [
            (Article._meta.get_field(name).verbose_name, request.POST[name])
            for name in COPY_FIELDS
            if request.POST.get(name)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Your changes were not saved"),
            "status_label": services.status_label(article),
            "changed_by": display_name(change.user) if change else "",
            "changed_at": local_time(change.at) if change else "",
            "copy": copy,
            "change_url": self._change_url(article),
        }
        return TemplateResponse(request, "editorial/admin/edit_refused.html", context, status=409)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.save()
            services.record_creation(article=obj, actor=request.user)
            return
        obj.version = form.current_version + 1
        obj.save(update_fields=SAVED_FIELDS)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if change and article.is_published() and _copy_changed(form, formsets):
            note = article.correction_note if "correction_note" in form.changed_data else ""
            services.record_correction(article=article, actor=request.user, note=note)

    def response_add(self, request, obj, post_url_continue=None):
        if "_save_and_submit" in request.POST:
            return self._submit_after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_save_and_submit" in request.POST:
            return self._submit_after_save(request, obj)
        return super().response_change(request, obj)

    def _submit_after_save(self, request, article):
        messages.success(request, gettext("Saved “%(headline)s”.") % {"headline": article})
        try:
            event = services.submit(article=article, actor=request.user)
        except TransitionNotAllowed as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, services.outcome_message(event))
        return redirect(self._change_url(article))

    # The change page: status, the buttons for the steps the user may take, the timeline.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(self._workflow_context(request, obj))
        context["can_save_and_submit"] = self._can_save_and_submit(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _workflow_context(self, request, article):
        user = request.user
        returned = selectors.last_return(article)
        return {
            "workflow_status": status_badge(article),
            "workflow_scheduled_time": local_time(article.publish_at)
            if article.is_scheduled()
            else "",
            "workflow_returned": returned,
            "workflow_returned_by": display_name(returned.actor) if returned else "",
            "workflow_transitions": [
                {
                    "transition": transition,
                    "url": reverse(
                        "admin:articles_article_transition",
                        args=[quote(article.pk), transition.name],
                    ),
                }
                for transition in services.available_transitions(article, user)
            ],
            "workflow_next_step": next_step_hint(article, user),
            "workflow_preview_link_lifetime": preview_link_lifetime(),
            "workflow_events": list(article.events.select_related("actor")),
            "workflow_can_edit": self.has_change_permission(request, article),
            "workflow_preview_url": reverse("editorial:preview", args=[article.pk]),
            "workflow_preview_link_url": reverse(
                "admin:articles_article_preview_link", args=[quote(article.pk)]
            )
            if rules.can_share_preview(user, article)
            else "",
            "workflow_zone": zone_name(),
        }

    def _can_save_and_submit(self, request, article):
        if article is None or not article.pk:
            return self.has_add_permission(request) and request.user.has_perm(rules.SUBMIT)
        return self.has_change_permission(request, article) and services.is_allowed(
            services.check_submit, article, request.user
        )

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[quote(article.pk)])

    # Workflow views.

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/workflow/<str:name>/",
                view(self.transition_view),
                name=f"{prefix}_transition",
            ),
            path(
                "<path:object_id>/preview-link/",
                view(self.preview_link_view),
                name=f"{prefix}_preview_link",
            ),
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
        ] + super().get_urls()

    def _get_article_or_redirect(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article, None

    def transition_view(self, request, object_id, name):
        """One workflow step: a confirmation, a reason or a time, then the guarded function."""
        transition = services.TRANSITIONS.get(name)
        if transition is None:
            raise Http404
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        change_url = self._change_url(article)
        form_class = TRANSITION_FORMS.get(transition.form)
        # The version of the story the user read on the page they act from.
        expected_version = _version_from(request.POST if request.method == "POST" else request.GET)
        if request.method == "POST":
            form = form_class(request.POST) if form_class else None
            if form is None or form.is_valid():
                options = dict(form.cleaned_data) if form else {}
                options.pop("when", None)
                try:
                    event = transition.perform(
                        article=article,
                        actor=request.user,
                        expected_version=expected_version,
                        **options,
                    )
                except TransitionNotAllowed as refusal:
                    messages.error(request, refusal.message)
                else:
                    messages.success(request, services.outcome_message(event))
                return redirect(change_url)
        else:
            try:
                transition.check(article, request.user)
                services.require_unchanged(article, expected_version)
            except TransitionNotAllowed as refusal:
                messages.error(request, refusal.message)
                return redirect(change_url)
            form = form_class() if form_class else None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": transition.label,
            "transition": transition,
            "form": form,
            "expected_version": expected_version,
            "status": status_badge(article),
            "change_url": change_url,
        }
        return TemplateResponse(request, "editorial/admin/transition_form.html", context)

    def preview_link_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        try:
            url, expires_at = services.share_preview(article=article, actor=request.user)
        except TransitionNotAllowed as refusal:
            messages.error(request, refusal.message)
            return redirect(self._change_url(article))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Preview link"),
            "preview_link": url,
            "expires_at": local_time(expires_at),
            "zone": zone_name(),
            "change_url": self._change_url(article),
        }
        return TemplateResponse(request, "editorial/admin/preview_link.html", context)

    # History: versions, comparison and restore.

    def _versions(self, article):
        return (
            Version.objects.get_for_object(article)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    def history_view(self, request, object_id, extra_context=None):
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        versions = [
            {
                "id": version.pk,
                "date": version.revision.date_created,
                "user": display_name(version.revision.user) if version.revision.user_id else "",
                "comment": version.revision.get_comment(),
                "restore_url": reverse(
                    "admin:articles_article_revision", args=[quote(article.pk), version.pk]
                ),
            }
            for version in self._versions(article)
        ]
        context = {
            "versions": versions,
            "compare_url": reverse("admin:articles_article_compare", args=[quote(article.pk)]),
            "can_restore": rules.can_edit(request.user, article),
            **(extra_context or {}),
        }
        # Django's own history view (the log), without reversion's list, which this replaces.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def _snapshot(self, article, choice):
        """The text of a version chosen by id, or of the story now for "current"."""
        if choice == "current":
            return snapshot_label_current(), diff.snapshot_of_article(article)
        if not (choice or "").isdigit():
            return None, None
        version = self._versions(article).filter(pk=int(choice)).first()
        if version is None:
            return None, None
        return snapshot_label(version), diff.snapshot_of_version(version)

    def compare_view(self, request, object_id):
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        history_url = reverse("admin:articles_article_history", args=[quote(article.pk)])
        old_label, old = self._snapshot(article, request.GET.get("old"))
        new_label, new = self._snapshot(article, request.GET.get("new", "current"))
        if old is None or new is None:
            messages.error(request, gettext("Choose two versions of this story to compare."))
            return redirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Compare versions of “%(headline)s”") % {"headline": article},
            "old_label": old_label,
            "new_label": new_label,
            **diff_context(diff.compare(old, new)),
            "history_url": history_url,
        }
        return TemplateResponse(request, "editorial/admin/version_compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A saved version beside the story now, and its restore (copy only, never status)."""
        article, refusal_response = self._get_article_or_redirect(request, object_id)
        if article is None:
            return refusal_response
        version = self._versions(article).filter(pk=version_id).first()
        history_url = reverse("admin:articles_article_history", args=[quote(article.pk)])
        if version is None:
            messages.error(request, gettext("That version of the story does not exist."))
            return redirect(history_url)
        if request.method == "POST":
            try:
                services.restore_version(article=article, version=version, actor=request.user)
            except TransitionNotAllowed as refusal:
                messages.error(request, refusal.message)
                return redirect(history_url)
            messages.success(
                request,
                gettext(
                    "Restored the version of %(time)s as a new version. The status stays "
                    "“%(status)s”."
                )
                % {
                    "time": local_time(version.revision.date_created),
                    "status": services.status_label(article),
                },
            )
            return redirect(self._change_url(article))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Restore an earlier version of “%(headline)s”")
            % {"headline": article},
            "old_label": snapshot_label(version),
            "new_label": snapshot_label_current(),
            **diff_context(
                diff.compare(diff.snapshot_of_version(version), diff.snapshot_of_article(article))
            ),
            "history_url": history_url,
            "can_restore": rules.can_edit(request.user, article),
            "status_label": services.status_label(article),
        }
        return TemplateResponse(request, "editorial/admin/version_restore.html", context)

    def recoverlist_view(self, request, extra_context=None):
        # A recovered story would come back with its old status, past the workflow; only drafts
        # can be deleted, and they are deleted on purpose.
        raise PermissionDenied

    def recover_view(self, request, version_id, extra_context=None):
        raise PermissionDenied

    # Bulk actions on the review desk, each story through its guarded function.

    @admin.action(description=_("Publish the selected stories now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._apply_to_each(request, queryset, services.approve)

    @admin.action(
        description=_("Return the selected stories to their authors"), permissions=["review"]
    )
    def return_to_authors(self, request, queryset):
        return self._apply_with_reason(
            request,
            queryset,
            action="return_to_authors",
            perform=services.return_to_author,
            title=gettext("Return stories to their authors"),
            explanation=gettext(
                "Each story goes back to its author as a draft; the author gets your reason "
                "by email."
            ),
        )

    @admin.action(description=_("Withdraw the selected stories"), permissions=["withdraw"])
    def withdraw_selected(self, request, queryset):
        return self._apply_with_reason(
            request,
            queryset,
            action="withdraw_selected",
            perform=services.withdraw,
            title=gettext("Withdraw stories"),
            explanation=gettext(
                "Each story is taken off the site; its page tells readers that it was "
                "withdrawn. The reason stays on each story's record."
            ),
        )

    def _apply_with_reason(self, request, queryset, *, action, perform, title, explanation):
        """Asks once for the reason (an intermediate page), then applies the step to each."""
        if request.POST.get("confirm") == "yes":
            form = ReasonForm(request.POST)
            if form.is_valid():
                self._apply_to_each(request, queryset, perform, reason=form.cleaned_data["reason"])
                return None
        else:
            form = ReasonForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "explanation": explanation,
            "articles": list(queryset),
            "form": form,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "editorial/admin/bulk_reason.html", context)

    def _apply_to_each(self, request, queryset, perform, **options):
        for article in queryset:
            try:
                event = perform(article=article, actor=request.user, **options)
            except TransitionNotAllowed as refusal:
                messages.error(
                    request,
                    gettext("“%(headline)s” was not changed: %(reason)s")
                    % {"headline": article.headline, "reason": refusal.message},
                )
            else:
                messages.success(request, services.outcome_message(event))


def preview_link_lifetime():
    """How long a preview link works, in words (e.g. 3 天)."""
    now = timezone.now()
    return timeuntil(now + preview_links.max_age(), now)


def _version_from(data):
    value = data.get("version", "")
    return int(value) if value.isdigit() else None


def next_step_hint(article, user):
    """What happens next to the story, for the user looking at it: one sentence, or ""."""
    if article.is_scheduled():
        return ""
    if article.status == Status.DRAFT and not services.is_allowed(
        services.check_submit, article, user
    ):
        return gettext(
            "The author submits this draft for review when it is ready; editors can then "
            "approve it or return it."
        )
    if article.status == Status.REVIEW and not rules.is_reviewer(user):
        return gettext(
            "Waiting for an editor. You get an email when the story is returned to you or "
            "published."
        )
    if article.status == Status.PUBLISHED and not user.has_perm(rules.CORRECT):
        return gettext("The story is public. Ask an editor if it needs a correction.")
    if article.status == Status.WITHDRAWN:
        return gettext(
            "The story was withdrawn: its page tells readers so. It stays as it was taken down."
        )
    return ""


def _copy_changed(form, formsets):
    """Whether a save changed the story or its bylines or photos (not only re-saved it)."""
    changed = set(form.changed_data) - {"loaded_version"}
    return bool(changed) or any(formset.has_changed() for formset in formsets)


def snapshot_label(version):
    user = version.revision.user
    return gettext("Saved %(time)s by %(user)s") % {
        "time": local_time(version.revision.date_created),
        "user": display_name(user) if user is not None else gettext("an unknown user"),
    }


def diff_context(fields):
    return {
        "fields": fields,
        "changed_fields": [field for field in fields if field.changed],
        "unchanged_labels": [str(field.label) for field in fields if not field.changed],
    }


def snapshot_label_current():
    return gettext("The story now")
