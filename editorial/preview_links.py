"""Signed preview links: a reviewer without an account reads a story before it is published.

A link shows the version of the story it was made for, never a later rewrite: the reviewer
signs off what they read, and the editor decides when they should read something newer.
"""

from datetime import timedelta

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from reversion.errors import RevertError
from reversion.models import Version

from articles.models import COPY_FIELDS, Article, Byline, Column
from unions.models import Union

SALT = "editorial.preview-link"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


def max_age():
    """How long a link stays valid: settings.PREVIEW_LINK_MAX_AGE (seconds or a timedelta)."""
    value = settings.PREVIEW_LINK_MAX_AGE
    return value if isinstance(value, timedelta) else timedelta(seconds=int(value))


def make_token(link):
    """The token of a PreviewLink row: signed, so that nobody can make one up."""
    return signing.TimestampSigner(salt=SALT).sign_object({"link": link.pk})


def read_token(token):
    """The PreviewLink id a token stands for; raises PreviewLinkExpired or PreviewLinkInvalid."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise PreviewLinkExpired from error
    except (signing.BadSignature, ValueError) as error:
        raise PreviewLinkInvalid from error
    if not isinstance(data, dict) or not isinstance(data.get("link"), int):
        raise PreviewLinkInvalid
    return data["link"]


def absolute_url(token):
    return settings.SITE_URL + reverse("editorial:shared_preview", kwargs={"token": token})


def expiry_from_now():
    return timezone.now() + max_age()


# What a preview link pins: the story's copy, its genre, union and column, and its bylines.
# Photos and themes are shown as they are now (a version's photo files may be gone).
PINNED_FIELDS = [*COPY_FIELDS, "correction_note", "genre"]


class VersionMissing(Exception):
    """The saved version a link was made for is no longer in the history (or is unreadable)."""


def snapshot(article):
    """What a preview link pins of the story as it is now (compared, never shown)."""
    copy = {name: getattr(article, name) for name in PINNED_FIELDS}
    copy["union_id"], copy["column_id"] = article.union_id, article.column_id
    copy["bylines"] = [(byline.role, byline.name) for byline in article.bylines.all()]
    return copy


def _byline_rows(version):
    byline_type = ContentType.objects.get_for_model(Byline)
    article_pk = int(version.object_id)
    rows = [
        saved.field_dict
        for saved in version.revision.version_set.all()
        if saved.content_type_id == byline_type.pk
    ]
    rows = [row for row in rows if row.get("article_id") == article_pk]
    return sorted(rows, key=lambda row: (row.get("position") or 0, row.get("id") or 0))


def _copy_of_version(version):
    try:
        data = version.field_dict
        bylines = _byline_rows(version)
    except RevertError as error:
        raise VersionMissing from error
    copy = {name: data.get(name, "") for name in PINNED_FIELDS}
    copy["union_id"], copy["column_id"] = data.get("union_id"), data.get("column_id")
    copy["bylines"] = [(row.get("role", ""), row.get("name", "")) for row in bylines]
    return copy


def version_to_show(article, *, actor):
    """The saved version whose copy is the story's copy now, saved first if none is.

    Workflow steps change a story without a new version, and stories made outside the admin
    may have none: then the story is saved as it is (a version in its history that says why),
    so the link shows exactly what the editor saw when making it.
    """
    article = Article.objects.prefetch_related("bylines").get(pk=article.pk)
    newest = Version.objects.get_for_object(article).order_by("-pk").first()
    if newest is not None:
        try:
            if _copy_of_version(newest) == snapshot(article):
                return newest
        except VersionMissing:
            pass
    with reversion.create_revision(atomic=False):
        reversion.add_to_revision(article)
        reversion.set_user(actor)
        reversion.set_comment(gettext("Saved as it was when a preview link was made."))
    return Version.objects.get_for_object(article).order_by("-pk").first()


def as_saved(article, version):
    """The story as the version saved it, in memory only (never saved): copy, genre, union,
    column and bylines from the version; photos and themes as they are now.

    Raises VersionMissing when the version is gone or cannot be read any more.
    """
    if version is None or version.object_id != str(article.pk):
        raise VersionMissing
    copy = _copy_of_version(version)
    for name in PINNED_FIELDS:
        setattr(article, name, copy[name])
    union = Union.objects.filter(pk=copy["union_id"]).first()
    if union is not None:
        article.union = union
    article.column = Column.objects.filter(pk=copy["column_id"]).first()
    bylines = [
        Byline(article=article, position=position, role=role, name=name)
        for position, (role, name) in enumerate(copy["bylines"])
    ]
    # The page reads article.bylines.all(): serve the version's bylines as a prefetch would.
    saved_bylines = Byline.objects.none()
    saved_bylines._result_cache = bylines
    saved_bylines._prefetch_done = True
    article._prefetched_objects_cache = {
        **getattr(article, "_prefetched_objects_cache", {}),
        "bylines": saved_bylines,
    }
    return article


def changed_since(link, now):
    """Whether the story's copy now (a snapshot) differs from the version the link shows
    (None: unknown, the version is gone)."""
    if link.shown_version is None:
        return None
    try:
        return _copy_of_version(link.shown_version) != now
    except VersionMissing:
        return None
