"""Signed preview links: a reviewer without an account reads a story before it is published."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "editorial.preview-link"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


def max_age():
    """How long a link stays valid: settings.PREVIEW_LINK_MAX_AGE (seconds or a timedelta)."""
    value = settings.PREVIEW_LINK_MAX_AGE
    return value if isinstance(value, timedelta) else timedelta(seconds=int(value))


def make_token(article):
    return signing.TimestampSigner(salt=SALT).sign_object({"article": article.pk})


def read_token(token):
    """The story id a token stands for; raises PreviewLinkExpired or PreviewLinkInvalid."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise PreviewLinkExpired from error
    except (signing.BadSignature, ValueError) as error:
        raise PreviewLinkInvalid from error
    if not isinstance(data, dict) or not isinstance(data.get("article"), int):
        raise PreviewLinkInvalid
    return data["article"]


def absolute_url(token):
    return settings.SITE_URL + reverse("editorial:shared_preview", kwargs={"token": token})


def expiry_from_now():
    return timezone.now() + max_age()
