from django.utils.html import format_html
from django.utils.translation import gettext

from editorial.formatting import local_time


def status_badge(assignment, now=None):
    if assignment.is_overdue(now):
        return format_html(
            '<span class="plan-status plan-status--overdue">{} · {}</span>',
            assignment.get_status_display(),
            gettext("Overdue"),
        )
    return format_html(
        '<span class="plan-status plan-status--{}">{}</span>',
        assignment.status,
        assignment.get_status_display(),
    )


def due_text(assignment, now=None):
    if assignment.due_at is None:
        return "—"
    if assignment.is_overdue(now):
        return format_html(
            '<span class="plan-overdue">{} ({})</span>',
            local_time(assignment.due_at),
            gettext("overdue"),
        )
    return local_time(assignment.due_at)
