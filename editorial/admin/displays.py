"""How the desk shows a story's state: its status badge, its publication time, what happens
next, and how long a preview link works.
"""

from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timeuntil
from django.utils.translation import gettext

from articles.models import Article
from editorial import preview_links, rules
from editorial.desk_status import DeskStatus, desk_status
from editorial.formatting import local_time
from editorial.services.checks import check_submit, is_allowed

Status = Article.Status


def status_badge(article):
    status = desk_status(article)
    return format_html('<span class="desk-status desk-status--{}">{}</span>', status, status.label)


def publication_text(article):
    if article.publish_at is None:
        return "—"
    if article.is_scheduled():
        return format_html(
            '<span class="desk-scheduled">{} {}</span>',
            DeskStatus.SCHEDULED.label,
            local_time(article.publish_at),
        )
    return local_time(article.publish_at)


def next_step_hint(article, user):
    """What happens next to the story, for the user looking at it: one sentence, or ""."""
    if article.is_scheduled():
        return ""
    if article.status == Status.DRAFT and not is_allowed(check_submit, article, user):
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


def preview_link_lifetime():
    """How long a preview link works, in words (e.g. 3 天)."""
    now = timezone.now()
    return timeuntil(now + preview_links.max_age(), now)
