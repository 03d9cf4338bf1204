"""Reads for the search page: matching stories, and the themes and unions to filter by."""

from django.db.models import Count, Exists, OuterRef, Q
from taggit.models import Tag

from articles.models import Article
from search import backends
from unions.models import Union

# The union filter lists the province, city and county federations; a story of an enterprise
# or community union is found under its federation, since a filter takes in the sub-unions.
UNION_FILTER_MAX_DEPTH = 2
THEME_FILTER_LENGTH = 30


def search_articles(parsed_query, *, union=None, theme=None):
    """Published stories matching every term of the query, best first, annotated with rank."""
    articles = Article.objects.published()
    if union is not None:
        articles = articles.by_union(union)
    if theme is not None:
        articles = articles.by_theme(theme)
    return backends.matching(articles, parsed_query.terms).select_related("union")


def popular_themes(*, limit=THEME_FILTER_LENGTH, include=None):
    """Themes with the most published stories (and `include`, when given), most used first."""
    themes = (
        Tag.objects.filter(
            articles_articletheme_items__content_object__in=Article.objects.published()
        )
        .annotate(story_count=Count("articles_articletheme_items"))
        .order_by("-story_count", "name")
    )
    popular = list(themes[:limit])
    if include is not None and include not in popular:
        popular.append(include)
    return popular


def themes_with_published_stories():
    """The themes a reader may filter by: a theme used only on drafts is nobody's business."""
    return Tag.objects.filter(
        articles_articletheme_items__content_object__in=Article.objects.published()
    ).distinct()


def unions_with_published_stories():
    """Active unions with a published story of their own or of a sub-union's."""
    return Union.objects.active().filter(
        Exists(Article.objects.published().filter(union__path__startswith=OuterRef("path")))
    )


def filter_unions(*, include=None):
    """The unions offered by the union filter, in tree order."""
    shown = Q(depth__lte=UNION_FILTER_MAX_DEPTH)
    if include is not None:
        shown |= Q(pk=include.pk)
    return list(unions_with_published_stories().filter(shown).order_by("path"))
