"""The public news site: home, unions, themes, columns, photo news and stories."""

import functools

from django.http import Http404, HttpResponse
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article, Column
from news import selectors
from news.cache import cache_for_readers, fragment
from news.cards import story_cards
from news.links import absolute_url
from news.paging import is_first_page, story_page
from news.rendering import PageMeta, render_article

STORIES_PER_PAGE = 20
PHOTOS_PER_PAGE = 24
FEED_STYLESHEET_MAX_AGE = 3600


class Redirect(Exception):
    """A list page asked for at an address that is not its own (news.paging)."""

    def __init__(self, response):
        self.response = response


def _page(request, stories, count, per_page=STORIES_PER_PAGE, *, cards=True, first_page=None):
    """One page of stories (news.paging): numbered near the top, by cursor further down.

    With `cards`, the page's story cards come from news.cards (rendered once per version).
    `first_page`: the list's newest stories when the caller keeps them (news.selectors.FirstPage).
    """
    page = story_page(
        request,
        stories,
        count,
        per_page,
        first_page=first_page.positions if first_page else None,
    )
    if isinstance(page, HttpResponseRedirectBase):
        raise Redirect(page)
    if cards:
        kept = first_page.card_tokens if first_page and page.number == 1 else None
        page.cards = story_cards([story.pk for story in page.stories], tokens=kept)
    return page


def _follow_redirects(view):
    """Let a list view answer with the redirect its page asked for."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Redirect as redirect_to:
            return redirect_to.response

    return wrapped


@require_safe
@cache_for_readers
def article_detail(request, pk):
    article = Article.objects.published().for_listing().filter(pk=pk).first()
    if article is not None:
        return render_article(request, article)
    if Article.objects.withdrawn().filter(pk=pk).exists():
        meta = PageMeta(title=_("Story withdrawn"))
        return render(request, "410.html", {"meta": meta}, status=410)
    raise Http404(_("No published story has this number."))


@require_safe
@cache_for_readers
def home(request):
    context = selectors.home_page()
    lead = context["lead"]
    context["meta"] = PageMeta(
        description=_("News from the trade unions of our cities, counties and workplaces."),
        path=reverse("news:home"),
        image=selectors.lead_photo(lead) if lead else None,
    )
    context["nav"] = "home"
    return render(request, "news/home.html", context)


@require_safe
@cache_for_readers
def union_index(request):
    context = {
        "tree_html": _union_tree_html(),
        "nav": "unions",
        "meta": PageMeta(
            title=_("Unions"),
            description=_("Every union that reports to us, with its news."),
        ),
    }
    return render(request, "news/union_index.html", context)


def _union_tree_html():
    """The whole union tree with its counts, rendered once per change to the public stories.

    Rendering 130 unions' nested lists was an uncached /unions/ page's whole cost.
    """
    return fragment(
        f"union-tree-html:{get_language()}",
        lambda: render_to_string(
            "news/includes/union_tree.html", {"nodes": selectors.union_tree()}
        ),
    )


@require_safe
@cache_for_readers
@_follow_redirects
def union_detail(request, slug):
    first_page_size = STORIES_PER_PAGE if is_first_page(request.GET) else None
    page = selectors.union_page(slug, first_page_size=first_page_size)
    if page is None:
        raise Http404(_("No union has this address."))
    union = page.union
    context = {
        "union": union,
        "ancestors": union.ancestors,
        "sub_unions": page.sub_unions,
        "nav_columns": page.columns,
        "page_obj": _page(
            request,
            lambda: selectors.union_stories(union),
            page.story_count,
            first_page=page.first_page,
        ),
        "nav": "unions",
        "meta": PageMeta(
            title=union.name,
            description=union.description
            or _("News from %(union)s and its unions.") % {"union": union.name},
            path=union.url,
        ),
    }
    return render(request, "news/union_detail.html", context)


@require_safe
@cache_for_readers
@_follow_redirects
def theme_detail(request, slug):
    theme = get_object_or_404(Tag, slug=slug)
    page_obj = _page(
        request, selectors.theme_stories(theme), selectors.story_counts().by_theme.get(theme.pk, 0)
    )
    if not page_obj.total:
        # A theme only unpublished stories carry is not public yet.
        raise Http404(_("No published story has this theme."))
    context = {
        "theme": theme,
        "page_obj": page_obj,
        "related_themes": list(selectors.related_themes(theme)),
        "meta": PageMeta(
            title=theme.name,
            description=_("Stories on the theme %(theme)s.") % {"theme": theme.name},
            path=reverse("news:theme", kwargs={"slug": theme.slug}),
        ),
    }
    return render(request, "news/theme_detail.html", context)


@require_safe
@cache_for_readers
@_follow_redirects
def column_detail(request, slug):
    column = get_object_or_404(Column, slug=slug)
    context = {
        "column": column,
        "page_obj": _page(
            request,
            selectors.column_stories(column),
            selectors.story_counts().by_column.get(column.pk, 0),
        ),
        "other_columns": list(selectors.other_columns(column)),
        "nav_column": column.pk,
        "meta": PageMeta(
            title=column.name,
            description=column.description
            or _("Stories of the column %(column)s.") % {"column": column.name},
            path=column.get_absolute_url(),
        ),
    }
    return render(request, "news/column_detail.html", context)


@require_safe
@cache_for_readers
@_follow_redirects
def photo_gallery(request):
    page_obj = _page(
        request,
        selectors.photo_stories(),
        selectors.story_counts().photo_stories,
        per_page=PHOTOS_PER_PAGE,
        cards=False,
    )
    context = {
        "page_obj": page_obj,
        "nav": "photos",
        "meta": PageMeta(
            title=_("Photo news"),
            description=_("The unions' news in pictures."),
            path=reverse("news:photos"),
            image=selectors.lead_photo(page_obj[0]) if page_obj else None,
        ),
    }
    return render(request, "news/photo_gallery.html", context)


@require_safe
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page says: the site's icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


@require_safe
@cache_for_readers
def feed_index(request):
    """How to subscribe, and every feed there is: the latest, each city's, themes and columns."""
    context = {
        "city_feeds": selectors.active_cities(),
        "themes": selectors.popular_themes(selectors.HOME_THEME_COUNT),
        "columns": list(selectors.public_columns()),
        "meta": PageMeta(
            title=_("Subscribe"),
            description=_("Follow the unions' news in a feed reader: how, and every feed."),
            path=reverse("news:feeds"),
        ),
    }
    return render(request, "news/feed_index.html", context)


@require_safe
def feed_stylesheet(request):
    """The XSLT that turns a feed opened in a browser into a page (news.feeds.ReadableAtomFeed)."""
    response = render(request, "news/atom.xsl.html", content_type="text/xsl; charset=utf-8")
    patch_cache_control(response, public=True, max_age=FEED_STYLESHEET_MAX_AGE)
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /editorial/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url(reverse('news:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
