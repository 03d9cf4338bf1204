"""Story ideas and assignments in the admin: the list, the form, the steps as buttons."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.formatting import display_name, local_time
from editorial.services.checks import is_allowed
from planning import rules, services
from planning.admin.calendar import CalendarViewsMixin
from planning.admin.displays import due_text, status_badge
from planning.forms import AssignForm, DropForm, LinkStoryForm
from planning.models import Assignment

Status = Assignment.Status

# Each step as the page offers it: label, explanation, guard, form (or None for a confirmation).
STEPS = {
    "approve": (
        _("Approve"),
        _("The idea goes on the plan; an editor then assigns it."),
        services.check_approve,
        None,
    ),
    "assign": (
        _("Assign"),
        _("The reporter gets an email with the idea, the due time and your notes."),
        services.check_assign,
        AssignForm,
    ),
    "drop": (
        _("Drop"),
        _("The idea leaves the plan. The reason is recorded and its proposer reads it."),
        services.check_drop,
        DropForm,
    ),
    "start_story": (
        _("File the story"),
        _(
            "A draft story is filed for this assignment with its title, union, genre and themes; "
            "you then write it in the story form. The assignment follows the story: filed now, "
            "done when the story is published."
        ),
        services.check_start_story,
        None,
    ),
    "link_story": (
        _("Link a story you filed"),
        _(
            "A story you already filed becomes this assignment's story: the assignment is "
            "filed now, and done when the story is published."
        ),
        services.check_start_story,
        LinkStoryForm,
    ),
}


def _version_from(data):
    value = data.get("version", "")
    return int(value) if value.isdigit() else None


@admin.register(Assignment)
class AssignmentAdmin(CalendarViewsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "union",
        "status_column",
        "assignee_column",
        "due_column",
        "campaign",
        "story_column",
    ]
    list_filter = ["status", "campaign", "genre"]
    search_fields = ["title", "notes", "place"]
    list_select_related = ["union", "assignee", "campaign", "article"]
    autocomplete_fields = ["union"]
    date_hierarchy = "created_at"
    fields = ["title", "union", "genre", "themes", "campaign", "event_at", "place", "notes"]
    change_form_template = "planning/admin/assignment_change_form.html"
    change_list_template = "planning/admin/assignment_change_list.html"

    class Media:
        css = {"all": ["planning/css/planning.css"]}

    def get_queryset(self, request):
        return rules.visible_assignments(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request) or rules.may_plan(request.user)
        return rules.can_view(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return super().has_change_permission(request) and rules.can_edit_details(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Ideas are dropped with a reason, never deleted, so the plan keeps its record.
        return False

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        return status_badge(obj)

    @admin.display(description=_("assignee"), ordering="assignee__first_name")
    def assignee_column(self, obj):
        return display_name(obj.assignee) if obj.assignee_id else "—"

    @admin.display(description=_("due"), ordering="due_at")
    def due_column(self, obj):
        return due_text(obj)

    @admin.display(description=_("story"))
    def story_column(self, obj):
        if obj.article_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[obj.article_id]),
            obj.article.headline,
        )

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
            super().save_model(request, obj, form, change)
            return
        obj.proposed_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            services.record_proposal(assignment=form.instance, actor=request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        assignment = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if assignment is not None:
            extra_context.update(self._workflow_context(request, assignment))
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow_context(self, request, assignment):
        steps = [
            {
                "name": name,
                "label": label,
                "url": reverse("admin:planning_assignment_step", args=[assignment.pk, name])
                + f"?version={assignment.version}",
            }
            for name, (label, _description, check, _form) in STEPS.items()
            if is_allowed(check, assignment, request.user)
        ]
        return {
            "plan_status": status_badge(assignment),
            "plan_steps": steps,
            "plan_events": assignment.events.select_related("actor"),
            "plan_due": due_text(assignment),
            "plan_event_time": local_time(assignment.event_at),
            "plan_assignee": display_name(assignment.assignee) if assignment.assignee_id else "",
            "plan_proposer": display_name(assignment.proposed_by),
        }

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("calendar/", view(self.calendar_view), name="planning_calendar"),
            path("calendar-feed/", view(self.feed_view), name="planning_feed"),
            path(
                "<path:object_id>/step/<str:name>/",
                view(self.step_view),
                name="planning_assignment_step",
            ),
            *super().get_urls(),
        ]

    def step_view(self, request, object_id, name):
        if name not in STEPS:
            raise Http404
        label, description, check, form_class = STEPS[name]
        assignment = self.get_object(request, unquote(object_id))
        if assignment is None or not self.has_view_permission(request, assignment):
            raise Http404
        change_url = reverse("admin:planning_assignment_change", args=[assignment.pk])
        data = request.POST if request.method == "POST" else request.GET
        expected_version = _version_from(data)
        if request.method == "POST":
            form = form_class(request.POST, user=request.user) if form_class else None
            if form is None or form.is_valid():
                options = form.cleaned_data if form else {}
                try:
                    result = self._perform(
                        name, assignment, request.user, expected_version, options
                    )
                except services.StepNotAllowed as refusal:
                    messages.error(request, refusal.message)
                    return redirect(change_url)
                if name == "start_story":
                    messages.success(
                        request,
                        gettext("Filed a draft for “%(title)s”: write the story here.")
                        % {"title": assignment.title},
                    )
                    return redirect(reverse("admin:articles_article_change", args=[result.pk]))
                messages.success(request, self._outcome(name, assignment))
                return redirect(change_url)
        elif request.method == "GET":
            try:
                check(assignment, request.user)
            except services.StepNotAllowed as refusal:
                messages.error(request, refusal.message)
                return redirect(change_url)
            form = form_class(user=request.user) if form_class else None
        else:
            return HttpResponseNotAllowed(["GET", "POST"])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": assignment,
            "title": label,
            "description": description,
            "form": form,
            "expected_version": expected_version,
            "status": status_badge(assignment),
            "change_url": change_url,
        }
        return TemplateResponse(request, "planning/admin/step_form.html", context)

    def _perform(self, name, assignment, actor, expected_version, options):
        if name == "approve":
            return services.approve(
                assignment=assignment, actor=actor, expected_version=expected_version
            )
        if name == "assign":
            return services.assign(
                assignment=assignment, actor=actor, expected_version=expected_version, **options
            )
        if name == "drop":
            return services.drop(
                assignment=assignment, actor=actor, expected_version=expected_version, **options
            )
        if name == "link_story":
            return services.link_story(assignment=assignment, actor=actor, **options)
        return services.start_story(assignment=assignment, actor=actor)

    def _outcome(self, name, assignment):
        messages_by_step = {
            "approve": gettext("Approved “%(title)s”; assign it when you are ready."),
            "assign": gettext("Assigned “%(title)s” to %(assignee)s, due %(due)s."),
            "drop": gettext("Dropped “%(title)s”."),
            "link_story": gettext("“%(title)s” now has its story."),
        }
        return messages_by_step[name] % {
            "title": assignment.title,
            "assignee": display_name(assignment.assignee),
            "due": local_time(assignment.due_at),
        }
