"""The steps of a story idea, the only code that writes Assignment.status: each locks the row,
checks state and permission (and the version the user saw), records an AssignmentEvent and
notifies after the commit.

proposed → approved → assigned → filed → done, or dropped with a reason at any point before
the story is filed. "filed" and "done" follow the story itself (planning.receivers).
"""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from articles import permissions
from editorial.services import file_draft
from editorial.services.checks import TransitionNotAllowed as StepNotAllowed
from editorial.services.checks import require
from planning import notifications, rules
from planning.models import Assignment, AssignmentEvent

Status = Assignment.Status
Kind = AssignmentEvent.Kind

DROPPABLE = (Status.PROPOSED, Status.APPROVED, Status.ASSIGNED)

# A refused step raises the desk's TransitionNotAllowed (named StepNotAllowed here): its message
# is for the user, and nothing was changed.


def require_status(assignment, allowed, message):
    """message: a translated sentence with a %(status)s placeholder."""
    require(
        assignment.status in allowed,
        message % {"status": assignment.get_status_display()},
        code="wrong_status",
    )


def lock(assignment):
    try:
        return Assignment.objects.select_for_update().get(pk=assignment.pk)
    except Assignment.DoesNotExist:
        raise StepNotAllowed(gettext("This story idea no longer exists."), code="missing") from None


def _require_version(locked, expected_version):
    require(
        expected_version is None or locked.version == expected_version,
        gettext(
            "Someone changed this story idea after you opened it. Nothing was done: read it "
            "as it is now, then decide again."
        ),
        code="changed_meanwhile",
    )


def _move(locked, *, actor, kind, to_status, reason="", fields=(), notify=None, original=None):
    from_status = locked.status
    locked.status = to_status
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at", *fields])
    event = AssignmentEvent.objects.create(
        assignment=locked,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        reason=(reason or "").strip(),
    )
    if notify is not None:
        transaction.on_commit(partial(notify, event.pk), robust=True)
    if original is not None:
        for field in ("status", "version", "updated_at", *fields):
            setattr(original, field, getattr(locked, field))
    return event


# Checks, also used to decide which buttons a page offers.


def check_approve(assignment, actor):
    require(rules.is_planner(actor), gettext("Only editors approve story ideas."))
    require_status(
        assignment,
        [Status.PROPOSED],
        gettext("Only a proposed story idea can be approved; this one is %(status)s."),
    )


def check_assign(assignment, actor):
    require(rules.is_planner(actor), gettext("Only editors assign stories."))
    require_status(
        assignment,
        [Status.APPROVED, Status.ASSIGNED],
        gettext("Only an approved story idea can be assigned; this one is %(status)s."),
    )


def check_drop(assignment, actor):
    may = rules.is_planner(actor) or (
        assignment.status == Status.PROPOSED and assignment.proposed_by_id == actor.pk
    )
    require(may, gettext("Only editors drop story ideas; you may drop your own proposal."))
    require_status(
        assignment,
        DROPPABLE,
        gettext("A story idea that is %(status)s can no longer be dropped."),
    )


def check_start_story(assignment, actor):
    require(
        assignment.assignee_id == actor.pk,
        gettext("Only the assignee files the story for this assignment."),
    )
    require(actor.has_perm("articles.add_article"), gettext("You may not file stories."))
    require_status(
        assignment,
        [Status.ASSIGNED],
        gettext("A story is filed for an assigned story idea; this one is %(status)s."),
    )
    require(
        assignment.article_id is None,
        gettext("A story was already filed for this assignment."),
        code="already_filed",
    )


# The steps.


@transaction.atomic
def propose(
    *,
    actor,
    title,
    union,
    notes="",
    themes=(),
    genre="news",
    campaign=None,
    event_at=None,
    place="",
    notify=True,
):
    require(actor.has_perm(rules.PROPOSE), gettext("You may not propose story ideas."))
    require(bool((title or "").strip()), gettext("Give the idea a title."), code="title_required")
    assignment = Assignment.objects.create(
        title=title.strip(),
        notes=notes,
        union=union,
        genre=genre,
        campaign=campaign,
        event_at=event_at,
        place=place,
        proposed_by=actor,
    )
    if themes:
        assignment.themes.add(*themes)
    event = AssignmentEvent.objects.create(
        assignment=assignment, kind=Kind.PROPOSED, actor=actor, to_status=Status.PROPOSED
    )
    if notify and not rules.is_planner(actor):
        transaction.on_commit(partial(notifications.idea_proposed, event.pk), robust=True)
    return assignment


def record_proposal(*, assignment, actor):
    """The "proposed" event of an idea saved through the admin's add form."""
    event = AssignmentEvent.objects.create(
        assignment=assignment, kind=Kind.PROPOSED, actor=actor, to_status=assignment.status
    )
    if not rules.is_planner(actor):
        transaction.on_commit(partial(notifications.idea_proposed, event.pk), robust=True)
    return event


@transaction.atomic
def approve(*, assignment, actor, expected_version=None):
    locked = lock(assignment)
    check_approve(locked, actor)
    _require_version(locked, expected_version)
    return _move(
        locked, actor=actor, kind=Kind.APPROVED, to_status=Status.APPROVED, original=assignment
    )


@transaction.atomic
def assign(*, assignment, actor, assignee, due_at, expected_version=None, notify=True):
    """Gives the story to a reporter with a due time (again, to hand it to someone else)."""
    locked = lock(assignment)
    check_assign(locked, actor)
    _require_version(locked, expected_version)
    require(
        assignee is not None and rules.may_be_assigned(assignee),
        gettext("Choose an active desk user who may file stories."),
        code="bad_assignee",
    )
    require(due_at is not None, gettext("Give the due time."), code="due_required")
    require(
        due_at > timezone.now(),
        gettext("The due time has passed already; choose a later one."),
        code="due_in_past",
    )
    locked.assignee = assignee
    locked.due_at = due_at
    return _move(
        locked,
        actor=actor,
        kind=Kind.ASSIGNED,
        to_status=Status.ASSIGNED,
        fields=("assignee", "due_at"),
        notify=notifications.story_assigned if notify else None,
        original=assignment,
    )


@transaction.atomic
def drop(*, assignment, actor, reason, expected_version=None, notify=True):
    locked = lock(assignment)
    check_drop(locked, actor)
    _require_version(locked, expected_version)
    require(
        bool((reason or "").strip()),
        gettext("Give a reason: it is recorded and the proposer reads it."),
        code="reason_required",
    )
    locked.drop_reason = reason.strip()
    return _move(
        locked,
        actor=actor,
        kind=Kind.DROPPED,
        to_status=Status.DROPPED,
        reason=reason,
        fields=("drop_reason",),
        notify=notifications.idea_dropped if notify else None,
        original=assignment,
    )


@transaction.atomic
def start_story(*, assignment, actor):
    """Files a draft for the assignment through the desk's file_draft() and links it; the
    assignment becomes "filed" when the desk announces the story (planning.receivers)."""
    locked = lock(assignment)
    check_start_story(locked, actor)
    article = file_draft(
        actor=actor,
        themes=list(locked.themes.all()),
        union=locked.union,
        genre=locked.genre,
        headline=locked.title[:120],
        body=locked.notes or locked.title,
    )
    locked.article = article
    locked.save(update_fields=["article", "updated_at"])
    AssignmentEvent.objects.create(
        assignment=locked,
        kind=Kind.STARTED,
        actor=actor,
        from_status=locked.status,
        to_status=locked.status,
    )
    assignment.article = article
    return article


@transaction.atomic
def link_story(*, assignment, actor, article):
    """Links a story the assignee filed before: the assignment is filed at once, and done when
    the story is already approved for publication."""
    locked = lock(assignment)
    check_start_story(locked, actor)
    require(
        permissions.is_author(actor, article),
        gettext("You may link only a story you filed yourself."),
        code="not_yours",
    )
    require(
        article.status != article.Status.WITHDRAWN,
        gettext("A withdrawn story cannot be filed for an assignment."),
        code="withdrawn",
    )
    require(
        not Assignment.objects.filter(article=article).exists(),
        gettext("That story is already filed for another assignment."),
        code="already_linked",
    )
    locked.article = article
    event = _move(
        locked,
        actor=actor,
        kind=Kind.FILED,
        to_status=Status.FILED,
        fields=("article",),
        notify=notifications.story_filed,
        original=assignment,
    )
    if article.status == article.Status.PUBLISHED:
        event = _move(
            locked, actor=actor, kind=Kind.DONE, to_status=Status.DONE, original=assignment
        )
    assignment.article = article
    return event


# Steps that follow the story (called by planning.receivers, after editorial's commit).


@transaction.atomic
def story_filed(*, assignment, actor):
    locked = lock(assignment)
    if locked.status != Status.ASSIGNED:
        return None
    return _move(
        locked,
        actor=actor,
        kind=Kind.FILED,
        to_status=Status.FILED,
        notify=notifications.story_filed,
        original=assignment,
    )


@transaction.atomic
def story_published(*, assignment, actor):
    """Approved for publication (now or at a time): the assignment is done."""
    locked = lock(assignment)
    if locked.status not in (Status.ASSIGNED, Status.FILED):
        return None
    return _move(locked, actor=actor, kind=Kind.DONE, to_status=Status.DONE, original=assignment)


@transaction.atomic
def story_unscheduled(*, assignment, actor):
    """A scheduled story went back to review before it was public: not done after all."""
    locked = lock(assignment)
    if locked.status != Status.DONE:
        return None
    return _move(
        locked, actor=actor, kind=Kind.REOPENED, to_status=Status.FILED, original=assignment
    )
