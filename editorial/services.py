"""The editorial workflow: one guarded function per transition.

Each transition locks the story's row, checks its current status and the actor's rights, moves
it, records an ArticleEvent and, after the transaction commits, sends its emails. A refused
transition raises TransitionNotAllowed with a message for the user, and nothing changes.
Nothing else in the project writes Article.status or Article.publish_at.
"""

from dataclasses import dataclass
from functools import partial

import reversion
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline
from editorial import notifications, preview_links, rules, selectors
from editorial.formatting import display_name, local_time, zone_name
from editorial.models import ArticleEvent
from photos.rules import photo_story_ready

Status = Article.Status
Kind = ArticleEvent.Kind

# The copy a restore brings back; union, themes, photos and status stay as they are now.
RESTORED_FIELDS = ["kicker", "headline", "subheadline", "is_staff_report", "body", "summary"]


class TransitionNotAllowed(Exception):
    """The story's status or the user's rights refuse a workflow step; nothing was changed."""

    def __init__(self, message, code="not_allowed"):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def status_label(article):
    """The status as the desk names it, telling scheduled stories from public ones."""
    if article.is_scheduled():
        return gettext("Scheduled")
    return article.get_status_display()


# Checks: each raises TransitionNotAllowed, or returns when the actor may take the step now.


def _require(condition, message, code="not_allowed"):
    if not condition:
        raise TransitionNotAllowed(message, code=code)


def _require_status(article, allowed, message):
    """message: a translated sentence with a %(status)s placeholder for the current status."""
    _require(
        article.status in allowed,
        message % {"status": status_label(article)},
        code="wrong_status",
    )


def check_submit(article, actor):
    _require(actor.has_perm(rules.SUBMIT), gettext("You may not submit stories for review."))
    # An editor opening a reporter's unfinished draft must not send it on by mistake.
    _require(
        rules.is_author(actor, article) or actor.is_superuser,
        gettext("Only the story's author may submit it for review."),
    )
    _require_status(
        article,
        [Status.DRAFT],
        gettext("Only a draft can be submitted for review; this story is %(status)s."),
    )


def check_take_back(article, actor):
    _require(
        actor.has_perm(rules.SUBMIT) and (rules.is_author(actor, article) or actor.is_superuser),
        gettext("Only the story's author may take back a submission."),
    )
    _require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be taken back; this story is %(status)s."),
    )


def check_return(article, actor):
    _require(actor.has_perm(rules.REVIEW), gettext("You may not return stories to their authors."))
    _require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be returned to its author; this story is %(status)s."),
    )


def check_approve(article, actor):
    _require(actor.has_perm(rules.PUBLISH), gettext("You may not approve or publish stories."))
    _require_status(
        article,
        [Status.REVIEW],
        gettext("Only a story in review can be approved; this story is %(status)s."),
    )


def check_reschedule(article, actor):
    _require(actor.has_perm(rules.PUBLISH), gettext("You may not schedule stories."))
    _require(
        article.is_scheduled(),
        gettext("Only a scheduled story can get a new publication time; this story is %(status)s.")
        % {"status": status_label(article)},
        code="wrong_status",
    )


def check_unschedule(article, actor):
    _require(actor.has_perm(rules.PUBLISH), gettext("You may not schedule stories."))
    _require(
        article.is_scheduled(),
        gettext("Only a scheduled story can be taken off the schedule; this story is %(status)s.")
        % {"status": status_label(article)},
        code="wrong_status",
    )


def check_withdraw(article, actor):
    _require(actor.has_perm(rules.WITHDRAW), gettext("You may not withdraw stories."))
    _require(
        not article.is_scheduled(),
        gettext(
            "This story is scheduled and not public yet: take it off the schedule instead "
            "of withdrawing it."
        ),
        code="wrong_status",
    )
    _require_status(
        article,
        [Status.PUBLISHED],
        gettext("Only a published story can be withdrawn; this story is %(status)s."),
    )


def _require_reason(reason):
    _require(
        bool((reason or "").strip()),
        gettext("Give a reason: it is recorded and the author reads it."),
        code="reason_required",
    )


def _require_photo_for_photo_story(article):
    problem = photo_story_ready(article)
    _require(problem is None, problem, code="photo_required")


# The one place that moves a story.


def _lock(article):
    try:
        return Article.objects.select_for_update().get(pk=article.pk)
    except Article.DoesNotExist:
        raise TransitionNotAllowed(
            gettext("This story no longer exists."), code="missing"
        ) from None


def require_unchanged(article, expected_version):
    """Refuses a step when the story changed since the user read it (expected_version)."""
    if expected_version is None or article.version == expected_version:
        return
    change = selectors.last_change(article)
    if change is None:
        changed = gettext("Someone else changed this story after you opened it.")
    else:
        changed = gettext("%(user)s changed this story at %(time)s, after you opened it.") % {
            "user": display_name(change.user),
            "time": local_time(change.at),
        }
    raise TransitionNotAllowed(
        " ".join(
            [changed, gettext("Nothing was done: read the story as it is now, then decide again.")]
        ),
        code="changed_meanwhile",
    )


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
    locked = _lock(article)
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
    # The caller's instance now shows what the database holds.
    for field in ("status", "publish_at", "version", "updated_at"):
        setattr(article, field, getattr(locked, field))
    return event


@transaction.atomic
def submit(*, article, actor, notify=True, expected_version=None):
    """Draft → review; the editors get an email."""

    def check(locked):
        check_submit(locked, actor)
        _require_photo_for_photo_story(locked)

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
        _require_reason(reason)

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
def approve(*, article, actor, publish_at=None, notify=True, expected_version=None):
    """Review → published, now or at publish_at (a future time schedules the story)."""
    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=lambda locked: check_approve(locked, actor),
        kind=Kind.APPROVED,
        to_status=Status.PUBLISHED,
        publish_at=publish_at or timezone.now(),
        notify=notifications.story_published if notify else None,
    )


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
        _require_reason(reason)

    return _move(
        article=article,
        actor=actor,
        expected_version=expected_version,
        check=check,
        kind=Kind.WITHDRAWN,
        to_status=Status.WITHDRAWN,
        reason=reason,
    )


# Events that record without moving the story.


def _record(article, actor, kind, reason=""):
    return ArticleEvent.objects.create(
        article=article,
        kind=kind,
        actor=actor,
        from_status=article.status,
        to_status=article.status,
        reason=reason,
    )


@transaction.atomic
def record_creation(*, article, actor):
    return _record(article, actor, Kind.CREATED)


@transaction.atomic
def record_correction(*, article, actor, note=""):
    """An edit of a published story is a correction: it goes on the story's record."""
    _require(actor.has_perm(rules.CORRECT), gettext("You may not correct published stories."))
    _require_status(
        article,
        [Status.PUBLISHED],
        gettext("Only a published story is corrected; this story is %(status)s."),
    )
    return _record(article, actor, Kind.CORRECTED, reason=note)


@transaction.atomic
def share_preview(*, article, actor):
    """A signed link to the story's preview for a reviewer without an account."""
    _require(
        rules.can_share_preview(actor, article),
        gettext("Only editors may hand out preview links."),
    )
    token = preview_links.make_token(article)
    expires_at = preview_links.expiry_from_now()
    _record(
        article,
        actor,
        Kind.PREVIEW_SHARED,
        reason=gettext("Valid until %(time)s.") % {"time": local_time(expires_at)},
    )
    return preview_links.absolute_url(token), expires_at


@transaction.atomic
def restore_version(*, article, version, actor):
    """Brings back an earlier version's copy and bylines as a new version; status stays."""
    locked = _lock(article)
    _require(
        rules.can_edit(actor, locked),
        gettext("You may not edit this story now, so you cannot restore an earlier version."),
    )
    _require(
        version.content_type_id == ContentType.objects.get_for_model(Article).pk
        and version.object_id == str(locked.pk),
        gettext("That version belongs to another story."),
        code="wrong_version",
    )
    data = version.field_dict
    saved_at = local_time(version.revision.date_created)
    with reversion.create_revision(atomic=False):
        for field in RESTORED_FIELDS:
            if field in data:
                setattr(locked, field, data[field])
        locked.version += 1
        locked.save(update_fields=[*RESTORED_FIELDS, "version", "updated_at"])
        _restore_bylines(locked, version)
        # Added last, so the new revision holds the restored bylines.
        reversion.add_to_revision(locked)
        reversion.set_user(actor)
        reversion.set_comment(gettext("Restored the version of %(time)s.") % {"time": saved_at})
    event = _record(
        locked,
        actor,
        Kind.RESTORED,
        reason=gettext("Restored the version of %(time)s.") % {"time": saved_at},
    )
    for field in (*RESTORED_FIELDS, "version", "updated_at"):
        setattr(article, field, getattr(locked, field))
    return event


def _restore_bylines(article, version):
    byline_type = ContentType.objects.get_for_model(Byline)
    rows = [
        saved.field_dict
        for saved in version.revision.version_set.all()
        if saved.content_type_id == byline_type.pk
    ]
    rows = [row for row in rows if row.get("article_id") == article.pk]
    user_ids = {row.get("user_id") for row in rows} - {None}
    existing_users = set(
        get_user_model().objects.filter(pk__in=user_ids).values_list("pk", flat=True)
    )
    article.bylines.all().delete()
    for row in sorted(rows, key=lambda row: (row.get("position", 0), row.get("id", 0))):
        Byline.objects.create(
            article=article,
            position=row.get("position", 0),
            name=row.get("name", ""),
            role=row.get("role", Byline.Role.AUTHOR),
            user_id=row.get("user_id") if row.get("user_id") in existing_users else None,
        )


# What the desk offers: the transitions, their buttons and what each one reports.


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    description: str
    check: object
    perform: object
    form: str = ""  # "reason", "publish_time" or "" for a plain confirmation
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
            check_submit,
            submit,
        ),
        Transition(
            "take_back",
            _("Take back to draft"),
            _("The story leaves the review queue and becomes your draft again."),
            check_take_back,
            take_back,
        ),
        Transition(
            "approve",
            _("Approve and publish"),
            _("The story goes public now, or at the time you set. The author gets an email."),
            check_approve,
            approve,
            form="publish_time",
            style="primary",
        ),
        Transition(
            "return",
            _("Return to the author"),
            _("The story goes back to its author as a draft, with your reason by email."),
            check_return,
            return_to_author,
            form="reason",
        ),
        Transition(
            "reschedule",
            _("Change the publication time"),
            _("The story goes public at the new time, or now."),
            check_reschedule,
            reschedule,
            form="publish_time",
        ),
        Transition(
            "unschedule",
            _("Take off the schedule"),
            _("The story goes back to review and will not be published at its time."),
            check_unschedule,
            unschedule,
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            _(
                "The story is taken off the site: its page tells readers that it was withdrawn "
                "(410 Gone). The reason stays on the story's record."
            ),
            check_withdraw,
            withdraw,
            form="reason",
            style="danger",
        ),
    ]
}


def is_allowed(check, article, user):
    try:
        check(article, user)
    except TransitionNotAllowed:
        return False
    return True


def available_transitions(article, user):
    """The transitions the user may take on the story now: the buttons on its page."""
    return [t for t in TRANSITIONS.values() if is_allowed(t.check, article, user)]


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
    }
    return messages[event.kind] % {"headline": headline}


# For the demo data: stories created and moved by the same guarded steps the desk takes.


@transaction.atomic
def create_draft(*, actor, bylines=(), themes=(), **fields):
    """A new draft filed by actor, with its first revision and its "created" event."""
    _require(actor.has_perm("articles.add_article"), gettext("You may not file stories."))
    with reversion.create_revision(atomic=False):
        article = Article.objects.create(created_by=actor, **fields)
        for position, (role, name) in enumerate(bylines):
            Byline.objects.create(article=article, position=position, role=role, name=name)
        if themes:
            article.themes.add(*themes)
        reversion.add_to_revision(article)
        reversion.set_user(actor)
        reversion.set_comment(gettext("Initial version."))
    record_creation(article=article, actor=actor)
    return article


def drive_to_status(*, article, status, author, editor, publish_at=None, reason="", notify=False):
    """Walks a draft to `status` through the workflow (for demo data).

    status "returned" means a draft that the editor returned with `reason`; "scheduled" needs a
    future publish_at; "withdrawn" publishes first, then withdraws with `reason`.
    """
    if status == Status.DRAFT:
        return article
    submit(article=article, actor=author, notify=notify)
    if status == Status.REVIEW:
        return article
    if status == "returned":
        return_to_author(article=article, actor=editor, reason=reason, notify=notify)
        return article
    approve(article=article, actor=editor, publish_at=publish_at, notify=notify)
    if status == Status.WITHDRAWN:
        withdraw(article=article, actor=editor, reason=reason)
    return article
