"""Emails planning sends after a step commits: a new idea to the editors, an assignment to its
reporter, a filed story to the editor who assigned it, a dropped idea to its proposer."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from editorial.formatting import display_name, local_time, zone_name
from editorial.notifications import editors_to_notify
from planning.models import AssignmentEvent

logger = logging.getLogger(__name__)

Kind = AssignmentEvent.Kind


def _reachable(*people, exclude=None):
    found = []
    for person in people:
        if person is None or not person.is_active or not person.email or person == exclude:
            continue
        if person not in found:
            found.append(person)
    return found


def _assigner(event):
    step = event.assignment.events.filter(kind=Kind.ASSIGNED).order_by("-at", "-pk").first()
    return step.actor if step else None


def _send(event_id, *, subject, recipients):
    event = (
        AssignmentEvent.objects.select_related(
            "assignment__assignee", "assignment__proposed_by", "assignment__union", "actor"
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    assignment = event.assignment
    with translation.override(settings.LANGUAGE_CODE):
        people = recipients(event)
        if not people:
            return 0
        context = {
            "assignment": assignment,
            "event": event,
            "actor_name": display_name(event.actor),
            "due": local_time(assignment.due_at),
            "event_time": local_time(assignment.event_at),
            "zone": zone_name(),
            "admin_url": settings.SITE_URL
            + reverse("admin:planning_assignment_change", args=[assignment.pk]),
        }
        messages = [
            EmailMessage(
                subject=subject(event) % {"title": assignment.title},
                body=render_to_string(
                    "planning/email/step.txt",
                    {**context, "recipient_name": display_name(person)},
                ),
                to=[person.email],
            )
            for person in people
        ]
    try:
        return get_connection().send_messages(messages)
    except Exception:
        logger.exception("Could not send the planning email for event %s", event_id)
        return 0


def idea_proposed(event_id):
    return _send(
        event_id,
        subject=lambda event: _("[Union news desk] New story idea: %(title)s"),
        recipients=lambda event: editors_to_notify(exclude=event.actor),
    )


def story_assigned(event_id):
    return _send(
        event_id,
        subject=lambda event: _("[Union news desk] Assigned to you: %(title)s"),
        recipients=lambda event: _reachable(event.assignment.assignee, exclude=event.actor),
    )


def story_filed(event_id):
    return _send(
        event_id,
        subject=lambda event: _("[Union news desk] Story filed for: %(title)s"),
        recipients=lambda event: _reachable(_assigner(event), exclude=event.actor),
    )


def idea_dropped(event_id):
    return _send(
        event_id,
        subject=lambda event: _("[Union news desk] Story idea dropped: %(title)s"),
        recipients=lambda event: _reachable(
            event.assignment.proposed_by, event.assignment.assignee, exclude=event.actor
        ),
    )
