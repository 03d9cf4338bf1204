"""Partner tokens on API requests: who is asking, and not too often."""

import functools
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from syndication.models import PartnerToken

# Writing "last used" on every request would make each API call a write; once a minute is
# precise enough for the admin's column.
LAST_USED_PRECISION = timedelta(minutes=1)
RATE_WINDOW_SECONDS = 60


def _bearer_token(request):
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def error(message, *, status, code, headers=None):
    response = JsonResponse({"error": {"code": code, "message": message}}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _over_limit(partner):
    """Count the request in the partner's current minute; True once past the limit."""
    limit = settings.SYNDICATION_RATE_LIMIT
    if not limit:
        return False
    window = int(timezone.now().timestamp()) // RATE_WINDOW_SECONDS
    key = f"syndication:rate:{partner.pk}:{window}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS * 2)
        count = 1
    return count > limit


def partner_required(view):
    """Answer 401 without a valid token and 429 past the rate limit; else call the view."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        partner = PartnerToken.objects.for_token(_bearer_token(request))
        if partner is None:
            return error(
                _("A valid partner token is needed: send it as “Authorization: Bearer <token>”."),
                status=401,
                code="unauthorized",
                headers={"WWW-Authenticate": 'Bearer realm="ninjs"'},
            )
        if _over_limit(partner):
            return error(
                _("Too many requests: at most %(limit)s a minute.")
                % {"limit": settings.SYNDICATION_RATE_LIMIT},
                status=429,
                code="rate_limited",
                headers={"Retry-After": str(RATE_WINDOW_SECONDS)},
            )
        now = timezone.now()
        if partner.last_used_at is None or now - partner.last_used_at > LAST_USED_PRECISION:
            PartnerToken.objects.filter(pk=partner.pk).update(last_used_at=now)
        request.partner = partner
        return view(request, *args, **kwargs)

    return wrapped
