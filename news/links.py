"""Absolute addresses for canonical links, Open Graph tags and robots.txt."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url):
    """path_or_url made absolute against SITE_URL, the site's one public address.

    SITE_URL rather than the request's host: cached pages are shared by every reader, and a
    shared link should always name the public address.
    """
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return settings.SITE_URL + path_or_url
