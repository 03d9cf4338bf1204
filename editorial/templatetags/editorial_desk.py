from django import template
from django.urls import reverse
from django.utils.translation import gettext

from editorial import rules, selectors

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
    labels = [
        ("draft", gettext("Draft")),
        ("review", gettext("In review")),
        ("scheduled", gettext("Scheduled")),
        ("published", gettext("Published")),
        ("withdrawn", gettext("Withdrawn")),
    ]
    return {
        "show": True,
        "counts": [(key, label, counts[key]) for key, label in labels],
        "waiting": summary["waiting"],
        "scheduled": summary["scheduled"],
        "changelist_url": reverse("admin:articles_article_changelist"),
        "is_reviewer": rules.is_reviewer(user),
    }
