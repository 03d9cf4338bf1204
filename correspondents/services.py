"""The correspondents' writes: links, intake, and the desk's accept and decline.

Accepting files a draft through editorial's filing API only; this app never writes a story's
status, bylines or events itself.
"""

import datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Byline
from correspondents import links, notifications
from correspondents.models import Correspondent, Filing, FilingPhoto
from correspondents.rules import is_desk_editor
from editorial.services import file_draft
from photos.models import Photo

DEFAULT_FILINGS_PER_DAY = 20


def filings_per_day():
    return getattr(settings, "CORRESPONDENT_FILINGS_PER_DAY", DEFAULT_FILINGS_PER_DAY)


def address_digest(address):
    return salted_hmac("correspondents.address", address or "").hexdigest()


def _start_of_today():
    """Midnight today, Beijing time: the daily limit starts afresh then."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


@transaction.atomic
def issue_link(*, correspondent):
    """A new personal link; any earlier link of the correspondent stops working."""
    correspondent.link_key = links.new_key()
    correspondent.link_issued_at = timezone.now()
    correspondent.save(update_fields=["link_key", "link_issued_at"])
    return links.absolute_url(correspondent)


@transaction.atomic
def revoke_link(*, correspondent):
    correspondent.link_key = ""
    correspondent.save(update_fields=["link_key"])


def _check_rate(correspondent, digest):
    limit = filings_per_day()
    since = _start_of_today()
    recent = Filing.objects.filter(submitted_at__gte=since)
    if recent.filter(correspondent=correspondent).count() >= limit:
        raise ValidationError(
            _(
                "You have sent %(limit)s filings today, the most a day. Send the rest "
                "tomorrow, or call the desk if it cannot wait."
            ),
            code="rate_limited",
            params={"limit": limit},
        )
    if digest and recent.filter(address_digest=digest).count() >= limit:
        raise ValidationError(
            _(
                "%(limit)s filings were sent from this network today, the most a day. "
                "Send the rest tomorrow, or call the desk if it cannot wait."
            ),
            code="rate_limited",
            params={"limit": limit},
        )


@transaction.atomic
def receive_filing(
    *, correspondent, union, headline, body, genre, coauthors="", photos=(), address=""
):
    """Stores a filing and its photos in one transaction: all of it, or nothing.

    photos: (cleaned original, caption) pairs, already checked by the photos app's validation.
    """
    # One filing at a time per correspondent, so that two at once cannot pass the limit.
    Correspondent.objects.select_for_update().filter(pk=correspondent.pk).first()
    digest = address_digest(address) if address else ""
    _check_rate(correspondent, digest)
    filing = Filing.objects.create(
        correspondent=correspondent,
        union=union,
        headline=headline.strip(),
        body=body.strip(),
        genre=genre,
        coauthors=coauthors.strip(),
        address_digest=digest,
    )
    for position, (original, caption) in enumerate(photos):
        photo = Photo.objects.create(
            image=original, caption=caption.strip(), credit=correspondent.name, position=position
        )
        FilingPhoto.objects.create(filing=filing, photo=photo, position=position)
    transaction.on_commit(partial(notifications.filing_received, filing.pk), robust=True)
    return filing


def _lock_undecided(filing):
    locked = Filing.objects.select_for_update().select_related("correspondent").get(pk=filing.pk)
    if locked.state != Filing.State.RECEIVED:
        raise ValidationError(
            gettext("This filing was decided already (%(state)s).")
            % {"state": locked.get_state_display()},
            code="already_decided",
        )
    return locked


def _decide(locked, actor, state, **fields):
    for name, value in {
        "state": state,
        "decided_by": actor,
        "decided_at": timezone.now(),
        **fields,
    }.items():
        setattr(locked, name, value)
    locked.save(update_fields=["state", "decided_by", "decided_at", *fields])


def filing_bylines(filing):
    """The correspondent, then the co-authors, as the draft's 通讯员 bylines."""
    names = [filing.correspondent.name, *filing.coauthor_names()]
    unique = list(dict.fromkeys(names))
    return [(Byline.Role.CORRESPONDENT, name) for name in unique]


@transaction.atomic
def accept_filing(*, filing, actor, assignee):
    """Files a draft from the filing, with its bylines and photos, owned by the assignee."""
    if not is_desk_editor(actor):
        raise PermissionDenied
    locked = _lock_undecided(filing)
    if not assignee.has_perm("articles.add_article"):
        raise ValidationError(
            gettext("%(name)s may not file stories; choose someone on the desk.")
            % {"name": assignee.get_username()},
            code="assignee",
        )
    article = file_draft(
        actor=assignee,
        bylines=filing_bylines(locked),
        union=locked.union,
        genre=locked.genre,
        headline=locked.headline,
        body=locked.body,
    )
    photo_ids = list(locked.filing_photos.values_list("photo_id", flat=True))
    Photo.objects.filter(pk__in=photo_ids).update(article=article)
    if photo_ids:
        Photo.objects.filter(pk=photo_ids[0]).update(is_lead=True)
    _decide(locked, actor, Filing.State.ACCEPTED, article=article)
    transaction.on_commit(partial(notifications.filing_accepted, locked.pk), robust=True)
    filing.state, filing.article = locked.state, article
    return article


@transaction.atomic
def decline_filing(*, filing, actor, reason):
    """Declines with a reason, and deletes the filing's photos with their files.

    The desk keeps no copy it will not use of a correspondent's pictures (people at work,
    often in their workplaces): the photos and every rendition go once the decline commits
    (photos.signals deletes the files after the commit). The text and the reason stay, for the
    correspondent's page and the statistics.
    """
    if not is_desk_editor(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            gettext("Say why the filing is declined: the correspondent reads it."),
            code="reason_required",
        )
    locked = _lock_undecided(filing)
    _decide(locked, actor, Filing.State.DECLINED, decline_reason=reason)
    # Deleted one by one, so that each photo's files go with it (post_delete).
    for photo in Photo.objects.filter(filing_photo__filing=locked):
        photo.delete()
    transaction.on_commit(partial(notifications.filing_declined, locked.pk), robust=True)
    filing.state, filing.decline_reason = locked.state, reason
    return locked
