from django import template
from django.urls import reverse

from articles.models import Article
from editorial import desk_status, my_desk, review, rules, selectors
from editorial.admin.displays import status_badge
from editorial.desk_status import DeskStatus

register = template.Library()


@register.inclusion_tag("editorial/admin/includes/desk_summary.html", takes_context=True)
def desk_summary(context):
    """The desk's state on the admin index: counts per status and what is published next."""
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
        "count_cap": selectors.PUBLISHED_COUNT_CAP,
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
    queues = review.awaiting_signoff(
        user, Article.objects.visible_to(user), length=my_desk.SECTION_LENGTH
    )
    return {
        "show": any(queue.count for queue in queues),
        "queues": queues,
        "review_url": reverse("admin:articles_article_changelist") + "?status=review",
    }


@register.inclusion_tag("editorial/admin/includes/my_desk.html", takes_context=True)
def my_desk_sections(context):
    """My desk on the admin index: the user's sections, each with its count and first stories."""
    request = context.get("request")
    user = getattr(request, "user", None)
    sections = my_desk.sections(user) if user is not None else []
    return {"sections": sections, "show": bool(sections)}


@register.inclusion_tag("editorial/admin/includes/my_desk_counts.html", takes_context=True)
def my_desk_counts(context):
    """My desk's counts in the admin's sidebar, on every page but the index (which lists them)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    numbers = my_desk.counts(user) if user is not None else {}
    titles = {spec.key: spec.title for spec in my_desk.SECTIONS}
    return {
        "counts": [(key, titles[key], count) for key, count in numbers.items()],
        "index_url": reverse("admin:index"),
    }


@register.filter
def desk_badge(article):
    """The story's desk status as the badge the story list shows."""
    return status_badge(article)


@register.filter
def status_after(event):
    """The desk status a workflow step led to (the timeline's "draft → scheduled")."""
    return desk_status.after_event(event).label
