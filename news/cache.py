"""Caching of the public site: whole pages for anonymous readers, and the site's fragments.

Freshness is decided by tokens, not by clearing the cache:

- one **site token** for changes that touch every page (a union, a theme or a column renamed);
  the site state beside it remembers when the next scheduled story falls due, and when that
  was last looked at;
- one **path token** per address (``/unions/suzhou/``), renewed when a change touches that
  page: publishing, editing or withdrawing a story renews the tokens of the story, its union's
  and ancestors' pages and feeds, its themes, its column, home, photo news, the latest feed and
  the sitemap, nothing else (story_paths below). A draft saved on the desk renews nothing;
- one **stories token**, renewed with any change to the public stories, for the fragments
  (counts, each city's newest stories) that several pages share.

A scheduled story falling due renews only its own pages, as a publication does: editorial's
`story_fell_due`, sent by the task the scheduling step queued for that time, does it, and as a
fallback when no worker runs, the first request after that time does it (the site state says
when the next story is due). Only when more than MAX_DUE_STORIES fell due at once (the cache was
down for days) is the site token renewed instead.

A cached page remembers the tokens it was rendered under. One request reads the site token, the
page's path token and the stored page in a single round trip (get_many). When the tokens still
match, the stored body is served (or a 304). When they do not, one request renders the page
again while the others keep getting the previous version (single flight with stale while
rebuild), so a publication never makes a crowd of readers wait for the same slow page.

Tokens are renewed at commit, and a page records the tokens it read before rendering: a page
rendered from rows older than a change can never be stored as newer than it.

Anonymous responses carry ``Cache-Control: public, max-age, stale-while-revalidate``, an ETag and
Last-Modified, so that nginx or a CDN can hold them too; after each change the changed paths go
to the purge hook (NEWS_PURGE_URL or NEWS_PURGE_COMMAND, see news/purge.py). A request without a
session cookie is anonymous without loading a session, so a hit touches neither the session
store, CSRF, messages nor the database.

With several server processes, set CACHE_URL to a cache they share (Redis). A renewal made
while Redis is down is lost, so the site token is renewed again when the cache comes back
(newsroom.resilient_cache sends `cache_reconnected`).
"""

import functools
import hashlib
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from newsroom.replicas import primary_reads

SITE_KEY = "news:token:site"
STORIES_KEY = "news:token:stories"
# A page past its lifetime, or older than a change, is still served while one request renders
# it again; it is dropped for good after this many lifetimes.
STALE_LIFETIMES = 12
# What a browser or proxy may serve while it revalidates a page, in seconds.
STALE_WHILE_REVALIDATE = 60
# How long one request may hold the right to render a page before another may try.
RENDER_LOCK_SECONDS = 30
# How long a request waits for another one rendering a page nobody has cached yet.
WAIT_FOR_RENDER_SECONDS = 3.0
WAIT_STEP_SECONDS = 0.05
# Pages worth keeping: a story's 410 notice is as stable as a page that exists.
CACHEABLE_STATUSES = {200, 410}
NOTHING_SCHEDULED = 0
# More stories than this falling due at once (the cache was down) renew the whole site.
MAX_DUE_STORIES = 100
# Headers the stored page keeps; the rest is set again on each response.
KEPT_HEADERS = {"content-type", "content-language", "x-robots-tag"}


def page_cache_timeout():
    """Seconds a page stays cached; NEWS_PAGE_CACHE_SECONDS = 0 turns page caching off."""
    return settings.NEWS_PAGE_CACHE_SECONDS


def new_token():
    """A token never seen before, even after the cache has lost every key."""
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


# Tokens


@primary_reads()
def _next_scheduled_timestamp(after):
    """When the first story published after `after` (a datetime) falls due, as a timestamp."""
    from articles.models import Article

    publish_at = (
        Article.objects.filter(status="published", publish_at__gt=after)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
    ).first()
    return publish_at.timestamp() if publish_at else NOTHING_SCHEDULED


def _site_state(token, now):
    # "checked": every story due up to then has had its pages renewed.
    return {"token": token, "due": _next_scheduled_timestamp(now), "checked": now.timestamp()}


def renew_site_token():
    """Make every cached page and fragment stale; returns the new site state."""
    state = _site_state(new_token(), timezone.now())
    cache.set(SITE_KEY, state, timeout=None)
    return state


def refresh_due_time():
    """Remember when the next scheduled story falls due (after a story is scheduled)."""
    state = cache.get(SITE_KEY)
    if state is None or "checked" not in state:
        return renew_site_token()
    now = timezone.now()
    if state["due"] != NOTHING_SCHEDULED and state["due"] <= now.timestamp():
        # A story fell due and no request or task has renewed its pages yet: the next will.
        return state
    # Nothing is pending: a story published now had its pages renewed by its own change.
    state = {**state, **_site_state(state["token"], now)}
    cache.set(SITE_KEY, state, timeout=None)
    return state


@primary_reads()
def renew_fallen_due(state):
    """Renew the pages of the stories that fell due since the state was checked, only theirs.

    Returns the new site state: same site token, the next due time, checked now.
    """
    from articles.models import Article

    if state is None or "checked" not in state:
        return renew_site_token()
    now = timezone.now()
    checked = datetime.fromtimestamp(state["checked"], tz=UTC)
    fallen_due = list(
        Article.objects.filter(status="published", publish_at__gt=checked, publish_at__lte=now)
        .order_by("publish_at")
        .only("pk", "union_id", "column_id")[: MAX_DUE_STORIES + 1]
    )
    if len(fallen_due) > MAX_DUE_STORIES:
        return renew_site_token()
    paths = set()
    for story in fallen_due:
        paths |= story_paths(story)
    if paths:
        renew_path_tokens(paths)
    state = {**state, **_site_state(state["token"], now)}
    cache.set(SITE_KEY, state, timeout=None)
    if paths:
        from news.purge import purge_paths

        purge_paths(sorted(paths))
    return state


def live_site_state(state):
    """The site state to render under, after renewing the pages of stories just fallen due."""
    if state is not None:
        due = state["due"]
        if due == NOTHING_SCHEDULED or timezone.now().timestamp() < due:
            return state
    if state is None:
        return renew_fallen_due(state)  # no state to serve meanwhile: a new one
    # A scheduled story has just become public (and no task has said so yet): one request
    # renews its pages while the others go on.
    renewed = _renew_fallen_due_once(state)
    return state if renewed is None else renewed


def _renew_fallen_due_once(state):
    """renew_fallen_due, by one request or task at a time: the new state, or None while
    another one is renewing."""
    lock = f"{SITE_KEY}:renewing"
    if not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
        return None
    try:
        return renew_fallen_due(state)
    finally:
        cache.delete(lock)


def _read_live(keys):
    """The live site state and these keys, in one round trip (two after a renewal)."""
    found = cache.get_many([SITE_KEY, *keys])
    stored = found.get(SITE_KEY)
    site = live_site_state(stored)
    if site is not stored:
        # Stories fell due and their pages' tokens were renewed just now: read those again.
        found = cache.get_many(keys)
    return site, found


def tokens_found(found, token_keys):
    """The tokens under token_keys in `found` (a get_many result), lost ones set anew.

    A cache may drop a token (LocMemCache culls a third of its keys when full, Redis evicts
    under maxmemory). Read as a constant, a lost token would match what was stored under an
    earlier loss of it, and a page, fragment or card from before a change would be served as
    current. A new token makes it rendered again instead. Two requests may set different
    tokens at once: the loser's render is stored under a token nobody reads, and is done again.
    """
    lost = {key: new_token() for key in token_keys if key not in found}
    if lost:
        cache.set_many(lost, timeout=None)
    return {key: found[key] if key in found else lost[key] for key in token_keys}


def renew_pages_fallen_due(sender=None, article_id=None, **kwargs):
    """When a scheduled story's publication time has come (editorial's `story_fell_due`, sent
    by the task its scheduling queued for that time): renew its pages, and purge them.

    Readers do the same on their first request after that time when no worker runs; the task
    is what tells a CDN's purge hook at that time even if nobody reads the site. Returns False
    when a request is doing it.
    """
    return _renew_fallen_due_once(cache.get(SITE_KEY)) is not None


def path_token_key(path):
    # reverse() percent-encodes a Chinese slug; request.path holds it decoded.
    return f"news:token:path:{hashlib.sha256(unquote(path).encode()).hexdigest()}"


def story_token_key(pk):
    """The key of the story page's token, renewed with every change that shows on the story
    (news.cards keys a story's card by it)."""
    return path_token_key(f"/news/{pk}/")


def renew_path_tokens(paths):
    """Make the pages at these paths (every page number of each) and all fragments stale.

    The stories token is renewed in the same write as the paths' tokens, always: a fragment that
    keeps stories' tokens (a union's first page, news.selectors) relies on it being stale as
    soon as any of those is.
    """
    tokens = {path_token_key(path): new_token() for path in paths}
    tokens[STORIES_KEY] = new_token()
    cache.set_many(tokens, timeout=None)


# Fragments


# The modules whose functions build fragments (and define the classes kept in them).
FRAGMENT_MODULES = (
    "news/selectors.py",
    "news/paging.py",
    "news/cards.py",
    "news/views.py",
    "search/selectors.py",
    "search/backends.py",
)


@functools.cache
def code_version():
    """A digest of the code that builds fragments: after a deploy that changes it, the values
    kept by the old code (maybe of another shape) are never read, even with no publication."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=6)
    for name in FRAGMENT_MODULES:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


def fragment(name, build):
    """A value shared by pages that changes only with the public stories, built once per change.

    While one request builds the new value, the others keep the previous one.
    """
    return Fragments([name]).get(name, build)


class Fragments:
    """Several fragments and the live site state, read in one round trip.

    A page that needs the site token (news.directory) and a few fragments asks for them at
    once instead of one round trip each; get() answers from what was read, and builds a
    fragment that is missing or older than the tokens.
    """

    def __init__(self, names):
        self._keys = {name: f"news:fragment:{code_version()}:{name}" for name in names}
        self.site, self._found = _read_live([STORIES_KEY, *self._keys.values()])
        stories_token = tokens_found(self._found, [STORIES_KEY])[STORIES_KEY]
        self._tokens = (self.site["token"], stories_token)

    def get(self, name, build):
        key = self._keys[name]
        stored = self._found.get(key)
        if stored is not None and stored[0] == self._tokens:
            return stored[1]
        lock = f"{key}:building"
        if stored is not None and not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
            return stored[1]
        try:
            with primary_reads():
                value = build()
            cache.set(key, (self._tokens, value), timeout=None)
        finally:
            cache.delete(lock)
        return value


# Pages


def _entry_key(request):
    from news.paging import query_key

    # Pages read nothing from the query string but which page it is (news.paging).
    address = f"{request.get_host()}{request.path}?{query_key(request.GET)}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:page:{translation.get_language()}:{digest}"


def is_anonymous(request):
    """True for a reader without a session cookie (no session is loaded), or a logged-out one."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


def _store(response, tokens):
    body = response.content
    return {
        "tokens": tokens,
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS],
        "body": body,
        "etag": f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
        "modified": time.time(),
    }


def _respond(request, entry, timeout):
    """The stored page as a response, or a 304 when the reader already holds it."""
    not_modified = get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["modified"])
    )
    response = not_modified or HttpResponse(entry["body"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    patch_cache_control(
        response, public=True, max_age=timeout, stale_while_revalidate=STALE_WHILE_REVALIDATE
    )
    return response


def _render_and_store(view, request, args, kwargs, key, tokens, timeout):
    response = view(request, *args, **kwargs)
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return response
    if callable(getattr(response, "render", None)):
        response = response.render()
    entry = _store(response, tokens)
    cache.set(key, entry, timeout * STALE_LIFETIMES)
    return _respond(request, entry, timeout)


def cache_for_readers(view):
    """Serve anonymous GET requests from the page cache; logged-in users always get a fresh page."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        timeout = page_cache_timeout()
        if not timeout or request.method not in ("GET", "HEAD") or not is_anonymous(request):
            response = view(request, *args, **kwargs)
            if timeout:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = _entry_key(request)
        path_key = path_token_key(request.path)
        site, found = _read_live([path_key, key])
        tokens = (site["token"], tokens_found(found, [path_key])[path_key])
        entry = found.get(key)
        if entry is not None:
            fresh = entry["tokens"] == tokens and time.time() < entry["modified"] + timeout
            if fresh:
                return _respond(request, entry, timeout)
        lock = f"{key}:rendering"
        if cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
            try:
                return _render_and_store(view, request, args, kwargs, key, tokens, timeout)
            finally:
                cache.delete(lock)
        if entry is not None:
            # Another request is rendering this page: serve the previous version meanwhile.
            return _respond(request, entry, timeout)
        entry = _wait_for(key)
        if entry is not None:
            return _respond(request, entry, timeout)
        return _render_and_store(view, request, args, kwargs, key, tokens, timeout)

    return cached_view


def _wait_for(key):
    """The page another request is rendering, once it is stored (None after a few seconds)."""
    deadline = time.monotonic() + WAIT_FOR_RENDER_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        entry = cache.get(key)
        if entry is not None:
            return entry
    return None


# What a change touches


def _reverse_or_none(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def story_paths(article, *, union_ids=(), tag_ids=(), column_ids=()):
    """The public paths a change to this story shows on (and those of its former union,
    themes and column, given by id)."""
    from taggit.models import Tag

    from articles.models import Column
    from unions.models import Union

    paths = {
        reverse("news:home"),
        reverse("news:union_index"),
        reverse("news:photos"),
        reverse("news:latest_feed"),
        reverse("news:sitemap"),
        f"/news/{article.pk}/",
    }
    union_ids = {article.union_id, *union_ids} - {None}
    for union in Union.objects.filter(pk__in=union_ids):
        for member in [*union.ancestors(), union]:
            paths.add(member.get_absolute_url())
            paths.add(reverse("news:union_feed", kwargs={"slug": member.slug}))
    tag_ids = {*article.themes.values_list("pk", flat=True), *tag_ids}
    for slug in Tag.objects.filter(pk__in=tag_ids).values_list("slug", flat=True):
        paths.update(
            path
            for path in (
                _reverse_or_none("news:theme", slug=slug),
                _reverse_or_none("news:theme_feed", slug=slug),
            )
            if path
        )
    column_ids = {article.column_id, *column_ids} - {None}
    paths.update(column.get_absolute_url() for column in Column.objects.filter(pk__in=column_ids))
    return paths


def _at_commit(paths, using):
    """Renew now, and again at commit, then purge: once per transaction, however many rows.

    The second renewal matters: a request rendering between the first and the commit still
    sees the old rows and would store them under the new token. The paths gather on the one
    callback the transaction holds, so a rolled-back transaction purges nothing.
    """
    renew_path_tokens(paths)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _RenewalAtCommit(paths)()
        return
    for _savepoints, callback, *_rest in connection.run_on_commit:
        if isinstance(callback, _RenewalAtCommit) and not callback.done:
            callback.paths.update(paths)
            return
    transaction.on_commit(_RenewalAtCommit(paths), using=using)


class _RenewalAtCommit:
    """The paths one transaction changed, renewed and purged once when it commits.

    It says when it has run: a callback that ran stays in the connection's list while a test
    captures the callbacks of a block, and paths added to it afterwards would never be renewed.
    """

    def __init__(self, paths):
        self.paths = set(paths)
        self.done = False

    def __call__(self):
        self.done = True
        renew_path_tokens(self.paths)
        refresh_due_time()
        from news.purge import purge_paths

        purge_paths(sorted(self.paths))


def _is_public_status(status):
    return status == "published"


def _remember_previous_story(sender, instance, raw=False, **kwargs):
    """Before a story is saved: where it was shown, so that those pages are renewed too."""
    instance._news_previous = None
    if raw or instance.pk is None:
        return
    instance._news_previous = (
        sender.objects.filter(pk=instance.pk).values("status", "union_id", "column_id").first()
    )


def _story_saved(sender, instance, raw=False, using=None, **kwargs):
    previous = getattr(instance, "_news_previous", None) or {}
    if raw or not (_is_public_status(instance.status) or _is_public_status(previous.get("status"))):
        return
    paths = story_paths(
        instance,
        union_ids=[previous.get("union_id")],
        column_ids=[previous.get("column_id")],
    )
    _at_commit(paths, using)


def _story_deleted(sender, instance, using=None, **kwargs):
    if _is_public_status(instance.status):
        _at_commit(story_paths(instance), using)


def _story_part_changed(sender, instance, raw=False, using=None, **kwargs):
    """A byline, photo or theme link of a story: renew the story's pages if it is public."""
    from articles.models import Article

    if raw:
        return
    # A theme link names its story content_object; a byline or photo (maybe not yet attached
    # to a story) names it article.
    article_id = getattr(instance, "content_object_id", None) or instance.article_id
    if article_id is None:
        return
    article = Article.objects.filter(pk=article_id).first()
    if article is None or not _is_public_status(article.status):
        return
    tag_ids = [instance.tag_id] if hasattr(instance, "tag_id") else []
    _at_commit(story_paths(article, tag_ids=tag_ids), using)


def _themes_changed(sender, instance, action, pk_set=None, using=None, **kwargs):
    from articles.models import Article

    if not action.startswith("post_") or not isinstance(instance, Article):
        return
    if _is_public_status(instance.status):
        _at_commit(story_paths(instance, tag_ids=pk_set or ()), using)


def _structure_changed(sender, using=None, created=False, **kwargs):
    """A union, theme or column renamed or removed shows on many pages: renew them all.

    A new theme shows nowhere until a story carries it, which renews that story's pages.
    """
    if created and sender._meta.label_lower == "taggit.tag":
        return
    renew_site_token()
    transaction.on_commit(renew_site_token, using=using)


def bump_after_outage(**signal_kwargs):
    """Signal receiver: renewals missed while the cache was unreachable are made now."""
    renew_site_token()


def connect_signals():
    """Renew the tokens of the pages a change shows on, at commit."""
    from taggit.models import Tag

    from articles.models import Article, ArticleTheme, Byline, Column
    from editorial.signals import story_fell_due
    from newsroom.resilient_cache import cache_reconnected
    from photos.models import Photo
    from unions.models import Union

    pre_save.connect(_remember_previous_story, sender=Article, dispatch_uid="news-story-before")
    post_save.connect(_story_saved, sender=Article, dispatch_uid="news-story-saved")
    post_delete.connect(_story_deleted, sender=Article, dispatch_uid="news-story-deleted")
    for model in (Byline, Photo, ArticleTheme):
        label = model._meta.label_lower
        post_save.connect(_story_part_changed, sender=model, dispatch_uid=f"news-save-{label}")
        post_delete.connect(_story_part_changed, sender=model, dispatch_uid=f"news-del-{label}")
    m2m_changed.connect(
        _themes_changed, sender=Article.themes.through, dispatch_uid="news-article-themes"
    )
    cache_reconnected.connect(bump_after_outage, dispatch_uid="news-cache-reconnected")
    story_fell_due.connect(renew_pages_fallen_due, dispatch_uid="news-story-fell-due")
    for model in (Tag, Column, Union):
        label = model._meta.label_lower
        post_save.connect(_structure_changed, sender=model, dispatch_uid=f"news-save-{label}")
        post_delete.connect(_structure_changed, sender=model, dispatch_uid=f"news-del-{label}")
