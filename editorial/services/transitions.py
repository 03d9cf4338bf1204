"""The guarded transitions, the only code that writes Article.status and Article.publish_at: each
locks the row, checks, moves the story, records an ArticleEvent and emails after the commit.
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from editorial import notifications, review, tasks
from editorial.models import ArticleEvent
from editorial.services.checks import (
    TransitionNotAllowed,
    check_approve,
    check_reschedule,
    check_return,
    check_submit,
    check_take_back,
    check_unschedule,
    check_withdraw,
    require_photo_for_photo_story,
    require_reason,
    require_unchanged,
)
from editorial.services.signoffs import record_signoff, run_signoff_guards

Status = Article.Status
Kind = ArticleEvent.Kind


def lock_article(article):
    """The story's row, locked until the transaction ends; refused if it was deleted."""
    try:
        return Article.objects.select_for_update().get(pk=article.pk)
    except Article.DoesNotExist:
        raise TransitionNotAllowed(
            gettext("This story no longer exists."), code="missing"
        ) from None


def _move(
    *,
    article,
    actor,
    check,
    kind,
    to_status,
    reason="",
    publish_at=None,
    notify=None,
    expected_version=None,
):
    """Locks the row, checks, moves, records the event; the caller holds the transaction.

    expected_version: the version the user read (the page they acted from); a step taken on a
    story that changed since is refused, so nobody approves or returns copy they have not seen.
    """
    locked = lock_article(article)
    check(locked)
    require_unchanged(locked, expected_version)
    from_status = locked.status
    locked.status = to_status
    if to_status == Status.PUBLISHED:
        locked.publish_at = publish_at
    elif to_status in (Status.DRAFT, Status.REVIEW):
        # An unpublished story has no publication time; a withdrawn one keeps it on record.
        locked.publish_at = None
    locked.version += 1
    locked.save(update_fields=["status", "publish_at", "version", "updated_at"])
    event = ArticleEvent.objects.create(
        article=locked,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        reason=(reason or "").strip(),
        publish_at=publish_at if to_status == Status.PUBLISHED else None,
    )
    if notify is not None:
        # robust: a failing email is logged, never turned into an error page after the commit.
        transaction.on_commit(partial(notify, event.pk), robust=True)
    if to_status == Status.PUBLISHED and publish_at > timezone.now():
        transaction.on_commit(partial(tasks.announce_at, locked.pk, publish_at), robust=True)
    # The caller's instance now shows what the database holds.
    for field in ("status", "publish_at", "version", "updated_at"):
        setattr(article, field, getattr(locked, field))
    return event


@transaction.atomic
def submit(*, article, actor, notify=True, expected_version=None):
    """Draft → review; the editors get an email."""

    def check(locked):
        check_submit(locked, actor)
        require_photo_for_photo_story(locked)

    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=check,
        kind=Kind.SUBMITTED,
        to_status=Status.REVIEW,
        notify=notifications.story_submitted if notify else None,
    )


@transaction.atomic
def take_back(*, article, actor, expected_version=None):
    """Review → draft, by the author who submitted it."""
    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=lambda locked: check_take_back(locked, actor),
        kind=Kind.TAKEN_BACK,
        to_status=Status.DRAFT,
    )


@transaction.atomic
def return_to_author(*, article, actor, reason, notify=True, expected_version=None):
    """Review → draft with a reason, which the author gets by email."""

    def check(locked):
        check_return(locked, actor)
        require_reason(reason)

    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=check,
        kind=Kind.RETURNED,
        to_status=Status.DRAFT,
        reason=reason,
        notify=notifications.story_returned if notify else None,
    )


@transaction.atomic
def approve(*, article, actor, publish_at=None, opinion="", notify=True, expected_version=None):
    """Review → published, now or at publish_at (a future time schedules the story).

    This is the last level's sign-off (签发): allowed once every level before it signed the
    current version, recorded as a SignOff with the opinion.
    """
    level = []

    def check(locked):
        check_approve(locked, actor)
        run_signoff_guards(locked, actor)
        level.append(review.review_state(locked).last_level.step.level)

    event = _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=check,
        kind=Kind.APPROVED,
        to_status=Status.PUBLISHED,
        reason=opinion,
        publish_at=publish_at or timezone.now(),
        notify=notifications.story_published if notify else None,
    )
    record_signoff(
        article=event.article,
        actor=actor,
        level=level[-1],
        opinion=opinion or gettext("Approved."),
        event=event,
    )
    return event


@transaction.atomic
def reschedule(*, article, actor, publish_at=None, expected_version=None):
    """A scheduled story gets a new publication time, or goes public now."""
    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=lambda locked: check_reschedule(locked, actor),
        kind=Kind.RESCHEDULED,
        to_status=Status.PUBLISHED,
        publish_at=publish_at or timezone.now(),
    )


@transaction.atomic
def unschedule(*, article, actor, expected_version=None):
    """A scheduled story goes back to review, before anyone could read it."""
    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=lambda locked: check_unschedule(locked, actor),
        kind=Kind.UNSCHEDULED,
        to_status=Status.REVIEW,
    )


@transaction.atomic
def withdraw(*, article, actor, reason, expected_version=None):
    """Published → withdrawn: the public page then answers 410 Gone."""

    def check(locked):
        check_withdraw(locked, actor)
        require_reason(reason)

    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=check,
        kind=Kind.WITHDRAWN,
        to_status=Status.WITHDRAWN,
        reason=reason,
    )
