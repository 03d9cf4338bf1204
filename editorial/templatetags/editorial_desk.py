from django import template
from django.urls import reverse

from articles.models import Article
from editorial import desk_status, review, rules, selectors
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


@register.inclusion_tag("editorial/admin/includes/signoff_queues.html", takes_context=True)
def signoff_queues(context):
    """三审's queues on the admin index: the stories waiting for the user's signature, by level."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("articles.view_article"):
        return {"show": False}
    queues = review.awaiting_signoff(user, Article.objects.visible_to(user))
    return {"show": any(stories for _label, _level, stories in queues), "queues": queues}


@register.filter
def status_after(event):
    """The desk status a workflow step led to (the timeline's "draft → scheduled")."""
    return desk_status.after_event(event).label
