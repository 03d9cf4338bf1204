"""The workflow's table of steps: for each, its label and description, its guard, the guarded
function that takes it and the form that asks for what it needs; and the sentence each step
reports when taken. The admin renders this table; it decides nothing itself.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.formatting import local_time, zone_name
from editorial.forms import ApproveForm, PublishTimeForm, ReasonForm, SignOffForm
from editorial.models import ArticleEvent
from editorial.services import checks, transitions
from editorial.services import review as review_steps

Kind = ArticleEvent.Kind


@dataclass(frozen=True)
class Transition:
    """A workflow step as the desk offers it: its button, what it does, its guard and function."""

    name: str
    label: str
    description: str
    check: object
    perform: object
    form: type | None = None  # the form asking for a reason or a time; None: a confirmation
    style: str = "default"


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            "submit",
            _("Submit for review"),
            _(
                "The story goes to the editors, who get an email. You cannot edit it while "
                "it is in review, but you can take it back."
            ),
            checks.check_submit,
            transitions.submit,
        ),
        Transition(
            "take_back",
            _("Take back to draft"),
            _("The story leaves the review queue and becomes your draft again."),
            checks.check_take_back,
            transitions.take_back,
        ),
        Transition(
            "sign_off",
            _("Sign off this level"),
            _(
                "Your signature and opinion for this level of review (初审 or 复审); the next "
                "level then reviews the story."
            ),
            lambda article, user: checks.check_sign_off(article, user),
            review_steps.sign_off,
            form=SignOffForm,
            style="primary",
        ),
        Transition(
            "approve",
            _("Approve and publish"),
            _(
                "The final sign-off (签发): the story goes public now, or at the time you set. "
                "The author gets an email."
            ),
            checks.check_approve,
            transitions.approve,
            form=ApproveForm,
            style="primary",
        ),
        Transition(
            "send_back",
            _("Send back one level"),
            _("The level below signs the story again, after reading your reason."),
            lambda article, user: checks.check_send_back(article, user),
            review_steps.send_back,
            form=ReasonForm,
        ),
        Transition(
            "return",
            _("Return to the author"),
            _("The story goes back to its author as a draft, with your reason by email."),
            checks.check_return,
            transitions.return_to_author,
            form=ReasonForm,
        ),
        Transition(
            "reschedule",
            _("Change the publication time"),
            _("The story goes public at the new time, or now."),
            checks.check_reschedule,
            transitions.reschedule,
            form=PublishTimeForm,
        ),
        Transition(
            "unschedule",
            _("Take off the schedule"),
            _("The story goes back to review and will not be published at its time."),
            checks.check_unschedule,
            transitions.unschedule,
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            _(
                "The story is taken off the site: its page tells readers that it was withdrawn. "
                "The reason stays on the story's record."
            ),
            checks.check_withdraw,
            transitions.withdraw,
            form=ReasonForm,
            style="danger",
        ),
    ]
}


def available_transitions(article, user):
    """The transitions the user may take on the story now: the buttons on its page."""
    return [t for t in TRANSITIONS.values() if checks.is_allowed(t.check, article, user)]


def outcome_message(event):
    """What a transition did, in one sentence for the user who took it."""
    headline = event.article.headline
    if event.kind in (Kind.APPROVED, Kind.RESCHEDULED) and event.publish_at > timezone.now():
        return gettext("Scheduled “%(headline)s” for %(time)s, %(zone)s.") % {
            "headline": headline,
            "time": local_time(event.publish_at),
            "zone": zone_name(),
        }
    messages = {
        Kind.SUBMITTED: gettext("Submitted “%(headline)s” for review."),
        Kind.TAKEN_BACK: gettext("Took “%(headline)s” back to draft."),
        Kind.RETURNED: gettext("Returned “%(headline)s” to its author."),
        Kind.APPROVED: gettext("Published “%(headline)s”."),
        Kind.RESCHEDULED: gettext("Published “%(headline)s”."),
        Kind.UNSCHEDULED: gettext("Took “%(headline)s” off the schedule; it is back in review."),
        Kind.WITHDRAWN: gettext("Withdrew “%(headline)s”; its page now says it was withdrawn."),
        Kind.SIGNED_OFF: gettext("Signed off “%(headline)s”: the next level reviews it now."),
        Kind.SENT_BACK: gettext("Sent “%(headline)s” back one level."),
    }
    return messages[event.kind] % {"headline": headline}
