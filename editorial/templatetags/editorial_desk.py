from django import template
from django.urls import reverse

from editorial import desk_status, rules, selectors
from editorial.desk_status import DeskStatus

register = template.Library()


@register.inclusion_tag("editorial/admin/includes/desk_summary.html", takes_context=True)
def desk_summary(context):
    """The desk's state on the admin index: counts per status, longest waits, what is next."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not (
        user.has_perm("articles.view_article") or user.has_perm("articles.change_article")
    ):
        return {"show": False}
    summary = selectors.desk_summary(user)
    counts = summary["counts"]
    return {
        "show": True,
        "counts": [(status.value, status.label, counts[status]) for status in DeskStatus],
        "waiting": summary["waiting"],
        "scheduled": summary["scheduled"],
        "changelist_url": reverse("admin:articles_article_changelist"),
        "is_reviewer": rules.is_reviewer(user),
    }


@register.filter
def status_after(event):
    """The desk status a workflow step led to (the timeline's "draft → scheduled")."""
    return desk_status.after_event(event).label
