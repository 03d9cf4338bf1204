"""Reads for the partners' API."""

from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest

from articles.models import Article

PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


def syndicated_stories(*, union=None, theme=None):
    """Public stories and withdrawn ones, newest change first, each with changed_at: when a
    partner's copy last had to change (an edit, a withdrawal, or a scheduled story going
    public, which saves nothing)."""
    stories = Article.objects.published() | Article.objects.withdrawn().filter(
        publish_at__isnull=False
    )
    if union is not None:
        stories = stories.by_union(union)
    if theme is not None:
        stories = stories.by_theme(theme)
    return (
        stories.annotate(
            changed_at=Greatest(F("updated_at"), Coalesce(F("publish_at"), F("updated_at")))
        )
        .for_listing()
        .order_by("-changed_at", "-pk")
    )


def story_page(stories, *, since=None, before=None, limit=PAGE_SIZE):
    """Up to limit stories changed after since, and older than before (a (changed_at, pk)
    pair: the last story of the previous page); and whether more are left."""
    if since is not None:
        stories = stories.filter(changed_at__gt=since)
    if before is not None:
        changed_at, pk = before
        stories = stories.filter(Q(changed_at__lt=changed_at) | Q(changed_at=changed_at, pk__lt=pk))
    page = list(stories[: limit + 1])
    return page[:limit], len(page) > limit


def syndicated_story(pk):
    return syndicated_stories().filter(pk=pk).first()
