"""The story admin: who sees and edits which story, its form and list, saving with optimistic
locking, and the change page with the workflow's status, buttons and timeline.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, TextField
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from articles.admin import BylineInline
from articles.models import COPY_FIELDS, Article
from editorial import diff, preview_links, review, rules, search_hook, selectors
from editorial.admin.displays import (
    next_step_hint,
    preview_link_lifetime,
    publication_text,
    status_badge,
)
from editorial.admin.filters import (
    AuthorFilter,
    MyStoriesFilter,
    StatusFilter,
    ThemeFilter,
    UnionFilter,
)
from editorial.admin.history import HistoryViewsMixin, diff_context
from editorial.admin.paging import DeskPaginator
from editorial.admin.panels import change_page_inlines, is_extra_formset, rendered_panels
from editorial.admin.workflow import WorkflowViewsMixin
from editorial.desk_status import desk_status
from editorial.formatting import display_name, local_time, zone_name
from editorial.forms import ArticleAdminForm
from editorial.services import file_draft
from editorial.services.checks import (
    TransitionNotAllowed,
    check_correction,
    check_submit,
    is_allowed,
)
from editorial.services.records import record_correction
from editorial.services.transitions import submit
from editorial.workflow import available_transitions, outcome_message
from photos.admin import PhotoInline

Status = Article.Status

# What a save of the story form writes: never the status or the publication time, which only
# the workflow's transitions write.
SAVED_FIELDS = [
    field.name
    for field in Article._meta.concrete_fields
    if field.name not in {"id", "status", "publish_at", "created_by", "created_at"}
]

# The text shown back to a user whose save was refused, so that nothing they typed is lost.
TYPED_FIELDS = [
    name
    for name in [*COPY_FIELDS, "correction_note"]
    if isinstance(Article._meta.get_field(name), (CharField, TextField))
]
# Rows of the boxes the text is shown in; one-line fields (0) get a full-width input.
# Django's admin message for a row's selection box (its own catalogue has the translation).
ADMIN_SELECT_LABEL = "Select this object for an action - {}"
TYPED_ROWS = {"body": 20, "summary": 4, "correction_note": 4}


class ArticleBylineInline(BylineInline):
    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        # Choosing a byline's desk account needs the user list, which reporters do not see.
        if not request.user.has_perm("auth.view_user"):
            fields = [name for name in fields if name != "user"]
        return fields


class ArticleAdmin(HistoryViewsMixin, WorkflowViewsMixin, VersionAdmin):
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
        "card_time",
    ]
    list_select_related = ["union", "created_by"]
    # Searched through the search index (get_search_results); the list shows the search box.
    search_fields = ["headline", "kicker", "subheadline", "body", "bylines__name"]
    # The total without filters costs a second count over the whole table.
    show_full_result_count = False
    # Fifty rows a page: each row costs ~2 ms of admin rendering (eleven columns), and the
    # desk pages past them with the list's own links or narrows them with the filters.
    list_per_page = 50
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
        js = ["editorial/js/writing.js", "editorial/js/themes.js"]

    def action_checkbox(self, obj):
        """The row's selection box as Django's admin writes it, without a widget template render
        per row (a tenth of the list's time at 100 rows)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            # Django's own message, translated by its admin catalogue.
            format_html(gettext(ADMIN_SELECT_LABEL), str(obj)),
        )

    # Who sees and edits what.

    def get_queryset(self, request):
        queryset = selectors.with_desk_columns(Article.objects.visible_to(request.user))
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return DeskPaginator(
            queryset,
            per_page,
            orphans,
            allow_empty_first_page,
            capped=bool(request.GET.get(SEARCH_VAR)),
        )

    def get_search_results(self, request, queryset, search_term):
        """The search box goes through the search index (the words of headline, body, themes
        and bylines) when the search app plugged it in, not a LIKE over every body joined to
        the bylines."""
        desk_search = search_hook.registered()
        if desk_search is None or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        return desk_search(queryset, search_term), False

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
        if not allowed or obj is None:
            return allowed
        if obj.status == Status.PUBLISHED and not is_allowed(check_correction, obj, request.user):
            # A correction is signed by someone who may sign the story's last level.
            return False
        return rules.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.can_delete(request.user, obj))

    def get_deleted_objects(self, objs, request):
        """A draft's parts (bylines, photos, events, import records) go with it.

        Whoever may delete the draft may delete them: the byline admin, which refuses every
        delete of its own, would otherwise block the cascade and leave the draft undeletable.
        """
        deleted, counts, _parts_refused, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

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

    def get_inlines(self, request, obj):
        """Bylines and photos, and on an existing story the inlines apps above add."""
        inlines = [*super().get_inlines(request, obj)]
        if obj is not None and obj.pk:
            inlines += change_page_inlines
        return inlines

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        for inline in instances:
            if type(inline) in change_page_inlines:
                # Records beside the copy: the page's writing safety does not ask before saving
                # them on a public story (editorial/js/writing.js), as no correction is recorded.
                inline.classes = [*(inline.classes or []), "desk-records"]
        return instances

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["union", "genre", "kicker", "headline", "subheadline"]}),
            (
                _("Copy"),
                {
                    "fields": [
                        ("is_staff_report", "dateline"),
                        "editors_note",
                        "body",
                        "character_count_display",
                        "summary",
                    ]
                },
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

    @admin.display(description=_("time"))
    def card_time(self, article):
        """The one time a story's card shows on a phone: published, submitted or last saved."""
        return local_time(article.publish_at or article.submitted_at or article.updated_at)

    # The form's read-only fields show the list's columns (a column's ordering is unused there).
    character_count_display = length_column
    status_display = status_column
    publication_display = publication_column
    author_display = author_column

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
            {
                "name": name,
                "label": Article._meta.get_field(name).verbose_name,
                "text": request.POST[name],
                "rows": TYPED_ROWS.get(name, 0),
            }
            for name in TYPED_FIELDS
            if request.POST.get(name)
        ]
        saved = diff.snapshot_of_article(article)
        theirs = {**saved, **{name: request.POST.get(name, "") for name in TYPED_FIELDS}}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": gettext("Your changes were not saved"),
            "status_label": desk_status(article).label,
            "changed_by": display_name(change.user) if change else "",
            "changed_at": local_time(change.at) if change else "",
            "copy": copy,
            "change_url": self._change_url(article),
            "old_label": gettext("The saved version"),
            "new_label": gettext("Your text"),
            **diff_context(diff.compare(saved, theirs)),
        }
        return TemplateResponse(request, "editorial/admin/edit_refused.html", context, status=409)

    def save_model(self, request, obj, form, change):
        if form.dateline_moved:
            messages.info(
                request,
                gettext(
                    "The body began with 本报讯: it is now the “staff report” flag, so that "
                    "the dateline is printed once."
                ),
            )
        if not change:
            # The admin's revision (with the inlines saved next) holds the first version.
            file_draft(actor=request.user, article=obj)
            return
        if _fields_changed(form):
            obj.version = form.current_version + 1
            obj.save(update_fields=SAVED_FIELDS)
        # Otherwise only rows of the inlines may have changed: save_related decides, once they
        # are saved, whether the story's copy changed.

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        copy_changed = change and _copy_changed(form, formsets)
        if copy_changed and not _fields_changed(form):
            # A byline or photo changed: the story has a new version. A record apps keep beside
            # it (an adoption …) changes neither its copy nor its version, so nobody who has the
            # story open is told it was edited meanwhile.
            article.version = form.current_version + 1
            article.save(update_fields=["version", "updated_at"])
        if copy_changed and article.is_published():
            note = article.correction_note if "correction_note" in form.changed_data else ""
            record_correction(article=article, actor=request.user, note=note)
            messages.info(request, gettext("Correction recorded: the public page shows it now."))

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
            event = submit(article=article, actor=request.user)
        except TransitionNotAllowed as refusal:
            messages.error(request, refusal.message, extra_tags=refusal.code)
        else:
            messages.success(request, outcome_message(event), extra_tags=event.kind)
        return redirect(self._change_url(article))

    # The change page: status, the buttons for the steps the user may take, the timeline.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and context["adminform"].form.errors:
            # The form put the refused text on the instance: the title, breadcrumb and panel
            # show the story as saved, and the form keeps what the user typed.
            obj = self.get_object(request, quote(obj.pk)) or obj
            context.update({"original": obj, "subtitle": str(obj)})
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
                for transition in available_transitions(article, user)
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
            "workflow_is_public": article.is_published(),
            "workflow_preview_links": self._preview_links_context(article)
            if rules.can_share_preview(user, article)
            else [],
            "workflow_levels": self._levels_context(article),
            "workflow_panels": rendered_panels(request, article),
        }

    def _preview_links_context(self, article):
        """The live links, each with the version it shows and whether the story changed since."""
        links = list(
            article.preview_links.live().select_related("created_by", "shown_version__revision")
        )
        now = preview_links.snapshot(article) if links else None
        return [
            {
                "link": link,
                "shown_at": link.shown_version.revision.date_created
                if link.shown_version
                else None,
                "changed_since": preview_links.changed_since(link, now),
                "revoke_url": reverse(
                    "admin:articles_article_revoke_preview_link",
                    args=[quote(article.pk), link.pk],
                ),
            }
            for link in links
        ]

    def _levels_context(self, article):
        """三审 on the change page: each level, its signature, stale ones with the diff since."""
        state = review.review_state(article)
        waiting = state.next_level if article.status == Status.REVIEW else None
        compare_url = reverse("admin:articles_article_compare", args=[quote(article.pk)])
        levels = []
        for level in state.levels:
            signoff = level.signoff
            levels.append(
                {
                    "label": level.step.label,
                    "level": level.step.level,
                    "group": level.step.group_name,
                    "signoff": signoff,
                    "signer": display_name(signoff.signer) if signoff else "",
                    "stale": level.stale,
                    "waiting": level is waiting,
                    "diff_url": f"{compare_url}?old={signoff.revision_id_signed}&new=current"
                    if level.stale and signoff.revision_id_signed
                    else "",
                }
            )
        return {"policy": state.policy, "levels": levels}

    def _can_save_and_submit(self, request, article):
        if article is None or not article.pk:
            return self.has_add_permission(request) and request.user.has_perm(rules.SUBMIT)
        return self.has_change_permission(request, article) and is_allowed(
            check_submit, article, request.user
        )

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[quote(article.pk)])

    # The addresses of the workflow and history views (workflow.py, history.py), and the story
    # each acts on.

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
                "<path:object_id>/preview-link/<int:link_id>/revoke/",
                view(self.revoke_preview_link_view),
                name=f"{prefix}_revoke_preview_link",
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


def _fields_changed(form):
    """Whether the save changed the story's own fields (the version it was read at aside)."""
    return bool(set(form.changed_data) - {"loaded_version"})


def _copy_changed(form, formsets):
    """Whether a save changed the story or its bylines or photos (not only re-saved it).

    The inlines apps add (adoptions …) are records about the story, not its copy.
    """
    return _fields_changed(form) or any(
        formset.has_changed() for formset in formsets if not is_extra_formset(formset)
    )
