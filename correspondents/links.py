"""Personal filing links: signed, revocable, re-issuable.

A link carries the correspondent's id and a random key, signed with the site's key. The
signature turns away forged links without a database query; the key, kept on the
correspondent's row, is what revoking empties and re-issuing replaces, so an old link stops
working at once. Unknown, forged, revoked and inactive links all look the same: not found.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "correspondents.filing-link"
SEPARATOR = "."


def _signer():
    return signing.Signer(salt=SALT)


def new_key():
    return secrets.token_urlsafe(18)


def token_for(correspondent):
    if not correspondent.link_key:
        return ""
    return _signer().sign(f"{correspondent.pk}{SEPARATOR}{correspondent.link_key}")


def path_for(correspondent):
    token = token_for(correspondent)
    return reverse("correspondents:file", kwargs={"token": token}) if token else ""


def absolute_url(correspondent):
    path = path_for(correspondent)
    return settings.SITE_URL + path if path else ""


def correspondent_for(token):
    """The active correspondent whose current link this is, or None."""
    from correspondents.models import Correspondent

    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        return None
    pk, _, key = value.partition(SEPARATOR)
    if not pk.isdigit() or not key:
        return None
    return (
        Correspondent.objects.select_related("union")
        .filter(pk=int(pk), link_key=key, is_active=True)
        .first()
    )
