"""Stories filed and moved through the desk's own guarded steps, for demo data (and tests)."""

import reversion
from django.db import transaction
from django.utils.translation import gettext

from articles.models import Article, Byline
from editorial.services.checks import require
from editorial.services.records import record_creation
from editorial.services.transitions import approve, return_to_author, submit, withdraw

Status = Article.Status


@transaction.atomic
def create_draft(*, actor, bylines=(), themes=(), **fields):
    """A new draft filed by actor, with its first revision and its "created" event."""
    require(actor.has_perm("articles.add_article"), gettext("You may not file stories."))
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
