"""Guards for the workflow's steps: each raises TransitionNotAllowed with a message for the user,
or returns when the actor may take the step now.
"""

from django.utils.translation import gettext

from articles.models import Article
from editorial import review, rules, selectors
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
    """Publishing (now or scheduled) is the last level's sign-off (三审's 签发)."""
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be approved; this story is %(status)s."),
    )
    check_final_signoff(article, actor)


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


# 三审: who signs which level (the levels themselves: editorial/review.py).


def require_opinion(opinion):
    require(
        bool((opinion or "").strip()),
        gettext("Write your opinion (审稿意见): it goes on the sign-off sheet."),
        code="opinion_required",
    )


def check_may_sign(article, actor, state, level_state):
    """Refuses when the actor may not sign this level of the story."""
    require(
        not rules.is_author(actor, article),
        gettext("The author of a story never signs its review."),
        code="author_signs",
    )
    signed = state.signed_by(actor)
    if signed is not None and signed != level_state.step.level:
        raise TransitionNotAllowed(
            gettext("You signed this story's %(level)s: one person signs one level of a story.")
            % {"level": review.ReviewLevel(signed).label},
            code="one_level_per_person",
        )
    require(
        review.may_sign(actor, article, state, level_state.step),
        gettext("You may not sign the %(level)s of this story.")
        % {"level": level_state.step.label},
        code="not_in_level_group",
    )


def check_sign_off(article, actor):
    """A level before the last waits for the actor's signature; returns (state, that level)."""
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review is signed off; this story is %(status)s."),
    )
    state = review.review_state(article)
    waiting = state.next_level
    require(
        waiting is not None and not waiting.is_last,
        gettext("Every level before the last is signed: the last level signs and publishes."),
        code="wrong_level",
    )
    check_may_sign(article, actor, state, waiting)
    return state, waiting


def check_final_signoff(article, actor):
    """Publishing is the last level's sign-off, once every level before it signed this version."""
    state = review.review_state(article)
    waiting = state.next_level
    if waiting is not None and not waiting.is_last:
        raise TransitionNotAllowed(
            gettext(
                "The %(level)s is not signed on the current version: every level before the "
                "%(last)s signs first."
            )
            % {"level": waiting.step.label, "last": state.last_level.step.label},
            code="levels_missing",
        )
    check_may_sign(article, actor, state, state.last_level)
    return state, state.last_level


def check_send_back(article, actor):
    """The level waiting sends the story back to the signed level below; returns (state, it)."""
    require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review is sent back a level; this story is %(status)s."),
    )
    state = review.review_state(article)
    waiting = state.next_level
    signed_below = [
        level
        for level in state.levels
        if level.is_signed
        and waiting is not None
        and state.levels.index(level) < state.levels.index(waiting)
    ]
    require(
        waiting is not None and bool(signed_below),
        gettext("No level below this one is signed: return the story to its author instead."),
        code="nothing_to_send_back",
    )
    check_may_sign(article, actor, state, waiting)
    return state, signed_below[-1]


def check_correction(article, actor):
    """Who may correct a published story: the right to correct, and to sign its last level."""
    require(actor.has_perm(rules.CORRECT), gettext("You may not correct published stories."))
    check_correction_signoff(article, actor)


def check_correction_signoff(article, actor):
    state = review.review_state(article)
    check_may_sign(article, actor, _without_signatures(state), state.last_level)
    return state, state.last_level


def _without_signatures(state):
    """A published story's earlier signatures do not bar its signers from correcting it."""
    return review.ReviewState(policy=state.policy, levels=[])
