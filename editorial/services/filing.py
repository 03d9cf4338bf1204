"""Filing a draft, the one way onto the desk for every intake; and walking a draft through the
desk's own guarded steps, for demo data (and tests).
"""

import reversion
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from articles.models import Article, Byline
from editorial import review
from editorial.services.checks import TransitionNotAllowed, require
from editorial.services.records import record_creation
from editorial.services.review import sign_off
from editorial.services.transitions import approve, return_to_author, submit, withdraw

Status = Article.Status


@transaction.atomic
def file_draft(*, actor, article=None, bylines=(), themes=(), comment="", **fields):
    """A new draft on the desk, the one way every intake files a story.

    actor: the desk user filing it, who must have the right to add stories; None only for a
    command run from the server's shell (the importer without --user), whose draft has no owner.
    article: an unsaved Article built elsewhere (the admin's form), or None to build one from
    fields. bylines: (role, name) or (role, name, user) in order; themes: tag names or tags.

    The draft gets its first revision (inside the caller's revision when one is open, as in the
    admin, which adds the inlines) and the "created" event that starts its record.
    """
    if actor is not None:
        require(actor.has_perm("articles.add_article"), gettext("You may not file stories."))
    if article is None:
        article = Article(**fields)
    elif fields:
        raise TypeError("Give either an article or its fields, not both.")
    article.created_by = actor
    article.status = Status.DRAFT
    with reversion.create_revision(atomic=False):
        article.save(force_insert=True)
        for position, (role, name, *user) in enumerate(bylines):
            Byline.objects.create(
                article=article,
                position=position,
                role=role,
                name=name,
                user=next(iter(user), None),
            )
        if themes:
            article.themes.add(*themes)
        reversion.add_to_revision(article)
        if actor is not None:
            reversion.set_user(actor)
        reversion.set_comment(comment or gettext("Initial version."))
    record_creation(article=article, actor=actor)
    return article


def drive_to_status(
    *,
    article,
    status,
    author,
    editor,
    reviewers=(),
    publish_at=None,
    reason="",
    notify=False,
):
    """Walks a draft to `status` through the workflow (for demo data).

    Each review level is signed by the first of editor, reviewers and the members of the
    levels' groups who may sign it, as the desk's review policy says; the last level's
    signature publishes.

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
    signers = [editor, *reviewers, *_members_of_the_levels(article)]
    while _waits_below_the_last_level(article):
        _first_allowed(
            signers, lambda user: sign_off(article=article, actor=user, opinion=gettext("Agreed."))
        )
    _first_allowed(
        signers,
        lambda user: approve(article=article, actor=user, publish_at=publish_at, notify=notify),
    )
    if status == Status.WITHDRAWN:
        withdraw(article=article, actor=editor, reason=reason)
    return article


def _first_allowed(users, step):
    """Takes the step as the first user allowed to; the last refusal if nobody is."""
    refusal = None
    for user in users:
        try:
            return step(user)
        except TransitionNotAllowed as error:
            refusal = error
    raise refusal


def _waits_below_the_last_level(article):
    waiting = review.review_state(article).next_level
    return waiting is not None and not waiting.is_last


def _members_of_the_levels(article):
    group_ids = [level.step.group_id for level in review.review_state(article).levels]
    return list(
        get_user_model()
        .objects.filter(groups__in=[pk for pk in group_ids if pk], is_active=True)
        .distinct()
        .order_by("pk")
    )
