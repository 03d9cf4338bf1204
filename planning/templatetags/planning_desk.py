from django import template
from django.urls import reverse

from planning import rules
from planning.selectors import assignments_for

register = template.Library()


@register.inclusion_tag("planning/includes/my_assignments.html", takes_context=True)
def my_assignments(context):
    """The user's open assignments for My desk on the admin index, overdue ones marked."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not rules.may_plan(user):
        return {"show": False}
    return {
        "show": True,
        "assignments": assignments_for(user),
        "calendar_url": reverse("admin:planning_calendar"),
        "feed_url": reverse("admin:planning_feed"),
        "ideas_url": reverse("admin:planning_assignment_changelist"),
    }
