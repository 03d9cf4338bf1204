"""What must hold before the site serves a single request."""

from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random string "
    "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
    "or set DEBUG=1 for local development."
)


def require_secret_key():
    """Refuse to start: sessions, CSRF tokens and preview links are signed with SECRET_KEY."""
    from django.conf import settings

    try:
        settings.SECRET_KEY  # noqa: B018  (Django raises on an empty key)
    except ImproperlyConfigured:
        raise ImproperlyConfigured(MISSING_SECRET_KEY) from None
