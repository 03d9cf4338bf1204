"""Whole-page caching for anonymous readers, versioned by a "generation" number.

Every cached page's key holds the current generation. Saving or deleting anything a public
page shows (a story, its bylines, photos and themes, a union, a column, a tag) bumps the
generation, so the next request renders afresh: publishing, withdrawing or editing a story
shows at once, and the old entries simply expire.

A story scheduled for later becomes public without anything being saved, so each generation
also remembers when the next scheduled story falls due; the first request after that moment
bumps the generation.

The generation lives in the default cache. With several server processes, set CACHE_URL to a
cache they share (Redis), so that every process sees each bump. A bump made while Redis is down
is lost, so the generation is bumped again when the cache comes back (newsroom.resilient_cache
sends `cache_reconnected`).
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation

GENERATION_KEY = "news:generation"
# Pages worth keeping: a story's 410 notice is as stable as a page that exists.
CACHEABLE_STATUSES = {200, 410}
NOTHING_SCHEDULED = 0


def page_cache_timeout():
    """Seconds a page stays cached; NEWS_PAGE_CACHE_SECONDS = 0 turns page caching off."""
    return settings.NEWS_PAGE_CACHE_SECONDS


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, so that a lost counter never comes back to an old number.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    return generation


def bump_generation():
    """Make every cached page stale; returns the new generation."""
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        return cache.get(GENERATION_KEY, 0)


def _due_key(generation):
    return f"news:due:{generation}"


def _next_scheduled_timestamp():
    from articles.models import Article

    publish_at = (
        Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True)
    ).first()
    return publish_at.timestamp() if publish_at else NOTHING_SCHEDULED


def live_generation():
    """The generation to read and write pages under, moved on when a scheduled story is due."""
    generation = current_generation()
    due = cache.get(_due_key(generation))
    if due == NOTHING_SCHEDULED or (due is not None and timezone.now().timestamp() < due):
        return generation
    # Either a scheduled story has just become public, or this generation's due time was
    # lost (evicted) and pages cached under it might predate a story falling due.
    generation = bump_generation()
    cache.set(_due_key(generation), _next_scheduled_timestamp(), timeout=None)
    return generation


def page_key(request, generation):
    # Pages read nothing from the query string but the page number, so other parameters
    # neither split nor flood the cache.
    page = request.GET.get("page", "")
    # A malformed number shows the first page; it needs no entry of its own.
    page = page[:9] if page.isdigit() else ""
    address = f"{request.get_host()}{request.path}?page={page}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:page:{generation}:{translation.get_language()}:{digest}"


def cache_for_readers(view):
    """Serve anonymous GET requests from the page cache; logged-in users always get a fresh page."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        timeout = page_cache_timeout()
        if not timeout or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = page_key(request, live_generation())
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code in CACHEABLE_STATUSES and not response.streaming:
            if callable(getattr(response, "render", None)):
                response = response.render()
            cache.set(key, response, timeout)
        return response

    return cached_view


def invalidate_pages(*, using=None, **signal_kwargs):
    """Signal receiver: bump now, and again at commit.

    The second bump matters: a request rendering between the first bump and the commit still
    sees the old rows and would cache them under the new generation.
    """
    bump_generation()
    transaction.on_commit(bump_generation, using=using)


def bump_after_outage(**signal_kwargs):
    """Signal receiver: invalidations missed while the cache was unreachable are made now."""
    bump_generation()


def connect_signals():
    """Bump the generation whenever anything shown on a public page changes."""
    from taggit.models import Tag

    from articles.models import Article, ArticleTheme, Byline, Column
    from newsroom.resilient_cache import cache_reconnected
    from photos.models import Photo
    from unions.models import Union

    for model in (Article, Byline, ArticleTheme, Tag, Column, Photo, Union):
        label = model._meta.label_lower
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"news-save-{label}")
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"news-delete-{label}")
    m2m_changed.connect(
        invalidate_pages, sender=Article.themes.through, dispatch_uid="news-article-themes"
    )
    cache_reconnected.connect(bump_after_outage, dispatch_uid="news-cache-reconnected")
