"""Events that go on a story's record without moving its status: its creation, corrections,
shared preview links, restored versions and emails that could not be sent.
"""

import reversion
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import COPY_FIELDS, Article, Byline
from editorial import preview_links, rules
from editorial.formatting import local_time
from editorial.models import ArticleEvent, PreviewLink
from editorial.services.checks import check_correction_signoff, require, require_status
from editorial.services.signoffs import record_signoff
from editorial.services.transitions import lock_article

Status = Article.Status
Kind = ArticleEvent.Kind

# A restore brings back the copy; union, themes, photos and status stay as they are now.
RESTORED_FIELDS = COPY_FIELDS


def record_event(*, article, actor, kind, reason=""):
    """A step that does not move the story's status, on its record (announced after commit)."""
    return ArticleEvent.objects.create(
        article=article,
        kind=kind,
        actor=actor,
        from_status=article.status,
        to_status=article.status,
        reason=reason,
    )


@transaction.atomic
def record_notification_failure(*, article_id, explanation):
    """An email the desk expected was not sent: the story's record says so, not only a log."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    return record_event(
        article=article, actor=None, kind=Kind.NOTIFICATION_FAILED, reason=explanation
    )


@transaction.atomic
def record_creation(*, article, actor):
    return record_event(article=article, actor=actor, kind=Kind.CREATED)


@transaction.atomic
def record_correction(*, article, actor, note=""):
    """An edit of a published story is a correction: it goes on the story's record."""
    require(actor.has_perm(rules.CORRECT), gettext("You may not correct published stories."))
    require_status(
        article,
        [Status.PUBLISHED],
        gettext("Only a published story is corrected; this story is %(status)s."),
    )
    # A correction is signed by someone who may sign the story's last level (签发).
    state, last = check_correction_signoff(article, actor)
    event = record_event(article=article, actor=actor, kind=Kind.CORRECTED, reason=note)
    record_signoff(
        article=article,
        actor=actor,
        level=last.step.level,
        opinion=note or gettext("Corrected."),
        event=event,
    )
    return event


@transaction.atomic
def share_preview(*, article, actor):
    """A signed link to the story's preview for a reviewer without an account, showing the
    story as it is now even after later edits (see preview_links.version_to_show)."""
    require(
        article.status != Article.Status.WITHDRAWN,
        gettext("A withdrawn story has no preview link: it is off the site for good."),
        code="withdrawn",
    )
    require(
        rules.can_share_preview(actor, article),
        gettext("Only editors may hand out preview links."),
    )
    expires_at = preview_links.expiry_from_now()
    # The link shows this version, whatever is written later.
    shown_version = preview_links.version_to_show(article, actor=actor)
    link = PreviewLink.objects.create(
        article=article,
        created_by=actor,
        expires_at=expires_at,
        version=article.version,
        shown_version=shown_version,
    )
    token = preview_links.make_token(link)
    record_event(
        article=article,
        actor=actor,
        kind=Kind.PREVIEW_SHARED,
        reason=gettext("Valid until %(time)s.") % {"time": local_time(expires_at)},
    )
    return preview_links.absolute_url(token), expires_at


@transaction.atomic
def revoke_preview_link(*, link, actor):
    """The link stops working at once; the story's record says who revoked it."""
    require(
        rules.can_share_preview(actor, link.article),
        gettext("Only editors may revoke preview links."),
    )
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = actor
        link.save(update_fields=["revoked_at", "revoked_by"])
        record_event(
            article=link.article,
            actor=actor,
            kind=Kind.PREVIEW_REVOKED,
            reason=gettext("The link made on %(time)s no longer works.")
            % {"time": local_time(link.created_at)},
        )
    return link


@transaction.atomic
def restore_version(*, article, version, actor):
    """Brings back an earlier version's copy and bylines as a new version; status stays."""
    locked = lock_article(article)
    require(
        rules.can_edit(actor, locked),
        gettext("You may not edit this story now, so you cannot restore an earlier version."),
    )
    require(
        version.content_type_id == ContentType.objects.get_for_model(Article).pk
        and version.object_id == str(locked.pk),
        gettext("That version belongs to another story."),
        code="wrong_version",
    )
    data = version.field_dict
    restored = gettext("Restored the version of %(time)s.") % {
        "time": local_time(version.revision.date_created)
    }
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
        reversion.set_comment(restored)
    event = record_event(article=locked, actor=actor, kind=Kind.RESTORED, reason=restored)
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
