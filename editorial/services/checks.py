"""Guards for the workflow's steps: each raises TransitionNotAllowed with a message for the user,
or returns when the actor may take the step now.
"""

from django.utils.translation import gettext

from articles.models import Article
from editorial import rules, selectors
from editorial.desk_status import desk_status
from editorial.formatting import changed_since_opened
from photos.rules import photo_story_ready

Status = Article.Status


class TransitionNotAllowed(Exception):
    """The story's status or the user's rights refuse a workflow step; nothing was changed."""

    def __init__(self, message, code="not_allowed"):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def require(condition, message, code="not_allowed"):
    if not condition:
        raise TransitionNotAllowed(message, code=code)


def require_status(article, allowed, message):
    """message: a translated sentence with a %(status)s placeholder for the current status."""
    require(
        article.status in allowed,
        message % {"status": desk_status(article).label},
        code="wrong_status",
    )


def is_allowed(check, article, user):
    """Whether check(article, user) lets the user take the step now."""
    try:
        check(article, user)
    except TransitionNotAllowed:
        return False
    return True


def check_submit(article, actor):
    require(actor.has_perm(rules.SUBMIT), gettext("You may not submit stories for review."))
    # An editor opening a reporter's unfinished draft must not send it on by mistake.
    require(
        rules.is_author(actor, article) or actor.is_superuser,
        gettext("Only the story's author may submit it for review."),
    )
    require_status(
        article,
        [Status.DRAFT],
        gettext("Only a draft can be submitted for review; this story is %(status)s."),
    )


def check_take_back(article, actor):
    require(
        actor.has_perm(rules.SUBMIT) and (rules.is_author(actor, article) or actor.is_superuser),
        gettext("Only the story's author may take back a submission."),
    )
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be taken back; this story is %(status)s."),
    )


def check_return(article, actor):
    require(actor.has_perm(rules.REVIEW), gettext("You may not return stories to their authors."))
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be returned to its author; this story is %(status)s."),
    )


def check_approve(article, actor):
    require(actor.has_perm(rules.PUBLISH), gettext("You may not approve or publish stories."))
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be approved; this story is %(status)s."),
    )


def _require_scheduled(article, actor, message):
    """message: a translated sentence with a %(status)s placeholder for the current status."""
    require(actor.has_perm(rules.PUBLISH), gettext("You may not schedule stories."))
    require(
        article.is_scheduled(),
        message % {"status": desk_status(article).label},
        code="wrong_status",
    )


def check_reschedule(article, actor):
    _require_scheduled(
        article,
        actor,
        gettext("Only a scheduled story can get a new publication time; this story is %(status)s."),
    )


def check_unschedule(article, actor):
    _require_scheduled(
        article,
        actor,
        gettext("Only a scheduled story can be taken off the schedule; this story is %(status)s."),
    )


def check_withdraw(article, actor):
    require(actor.has_perm(rules.WITHDRAW), gettext("You may not withdraw stories."))
    require(
        not article.is_scheduled(),
        gettext(
            "This story is scheduled and not public yet: take it off the schedule instead "
            "of withdrawing it."
        ),
        code="wrong_status",
    )
    require_status(
        article,
        [Status.PUBLISHED],
        gettext("Only a published story can be withdrawn; this story is %(status)s."),
    )


def require_reason(reason):
    require(
        bool((reason or "").strip()),
        gettext("Give a reason: it is recorded and the author reads it."),
        code="reason_required",
    )


def require_photo_for_photo_story(article):
    problem = photo_story_ready(article)
    require(problem is None, problem, code="photo_required")


def require_unchanged(article, expected_version):
    """Refuses a step when the story changed since the user read it (expected_version)."""
    if expected_version is None or article.version == expected_version:
        return
    raise TransitionNotAllowed(
        " ".join(
            [
                changed_since_opened(selectors.last_change(article)),
                gettext("Nothing was done: read the story as it is now, then decide again."),
            ]
        ),
        code="changed_meanwhile",
    )
