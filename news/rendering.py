"""A story page as the public sees it, with the metadata every public page carries.

The editorial preview renders stories through here too, so a preview looks exactly like the
published page without the desk importing the public site's views.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from news import selectors
from sharing import selectors as sharing_selectors

SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class PageMeta:
    """What a page tells browsers, search engines and link previews about itself."""

    title: str = ""
    description: str = ""
    path: str = ""  # the canonical path; the request's path when empty
    image: object = None  # a Photo or a ShareCard for og:image
    og_type: str = "website"
    published_time: object = None
    modified_time: object = None


def public_ancestors(union):
    """The unions above union that have a public page, from the root down (breadcrumbs)."""
    return [ancestor for ancestor in union.ancestors() if ancestor.is_active]


def render_article(request, article, *, preview=False, preview_note=(), share_card=True):
    """The public story page; the editorial preview renders it too, so both look the same.

    preview_note: lines the preview's banner adds (which version a preview link shows).
    share_card=False leaves the story's share card out: it is drawn from the current headline,
    which a preview link showing an earlier version must not reveal."""
    photos = selectors.ordered_photos(article)
    # Shared links show the lead photo, or the story's share card when it has no photo.
    share_image = photos[0] if photos else None
    if share_image is None and share_card:
        share_image = sharing_selectors.share_card(article)
    context = {
        "article": article,
        "photos": photos,
        "photo_credit": selectors.closing_photo_credit(article, photos),
        "ancestors": public_ancestors(article.union),
        "related_stories": selectors.related_stories(article),
        "correction_time": selectors.correction_time(article),
        "share_image": share_image,
        "preview": preview,
        "preview_note": preview_note,
        "meta": PageMeta(
            title=article.headline,
            description=article.lead_text[:SUMMARY_LENGTH],
            path=article.get_absolute_url(),
            image=share_image,
            og_type="article",
            published_time=article.publish_at,
            modified_time=article.updated_at,
        ),
    }
    response = render(request, "news/article_detail.html", context)
    if preview:
        # A preview is for the desk only: never indexed, never kept by a shared cache.
        response["X-Robots-Tag"] = "noindex"
        patch_cache_control(response, private=True, no_store=True)
    return response
