"""Reads for the search page: matching stories, and the themes and unions to filter by."""

from dataclasses import dataclass

from taggit.models import Tag

from articles.models import Article
from news import cache as news_cache
from news import selectors as news_selectors
from search import backends
from search.segmentation import parse_query
from unions.models import Union

# The union filter lists the province, city and county federations; a story of an enterprise
# or community union is found under its federation, since a filter takes in the sub-unions.
UNION_FILTER_MAX_DEPTH = 2
THEME_FILTER_LENGTH = 30


class SearchResults:
    """Matching stories in rank order, for a Paginator: the ids are ranked once, and a page's
    stories are read by id (one query a page)."""

    def __init__(self, ids, capped=False):
        self.ids = ids
        self.capped = capped  # older matches were left out (search.backends)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        stories = Article.objects.filter(pk__in=ids).select_related("union").in_bulk()
        return [stories[pk] for pk in ids if pk in stories]


def search_articles(parsed_query, *, union=None, theme=None):
    """Published stories matching every term of the query, best first."""
    articles = Article.objects.published()
    if union is not None:
        articles = articles.by_union(union)
    if theme is not None:
        articles = articles.by_theme(theme)
    return SearchResults(*backends.ranked_ids(articles, parsed_query.terms))


def popular_themes(*, limit=THEME_FILTER_LENGTH, include=None):
    """Themes with the most published stories (and `include`, when given), most used first.

    The counts come from the public site's fragment, renewed with each publication.
    """
    popular = news_selectors.popular_themes(limit)
    if include is not None and include not in popular:
        popular.append(include)
    return popular


def themes_with_published_stories():
    """The themes a reader may filter by: a theme used only on drafts is nobody's business.

    Read from the public site's counts (renewed with each publication), so the filter never
    scans the stories.
    """
    counts = news_selectors.story_counts().by_theme
    return Tag.objects.filter(pk__in=[tag_id for tag_id, count in counts.items() if count])


def unions_with_published_stories():
    """Active unions with a published story of their own or of a sub-union's (same counts)."""
    counts = news_selectors.story_counts().by_union_path
    return Union.objects.active().filter(path__in=[path for path, count in counts.items() if count])


@dataclass(frozen=True)
class UnionOption:
    """A union as the union filter offers it (kept in a fragment: no model instances)."""

    pk: int
    slug: str
    name: str
    depth: int
    path: str


def filter_unions(*, include=None):
    """The unions offered by the union filter, in tree order.

    They change only with the public stories: kept as a fragment of the public site, so that
    a search does not read and build the unions each time.
    """
    options = news_cache.fragment("search-filter-unions", _filter_union_options)
    if include is not None and all(option.pk != include.pk for option in options):
        extra = UnionOption(include.pk, include.slug, include.name, include.depth, include.path)
        options = sorted([*options, extra], key=lambda option: option.path)
    return options


def _filter_union_options():
    unions = unions_with_published_stories().filter(depth__lte=UNION_FILTER_MAX_DEPTH)
    return [
        UnionOption(*row)
        for row in unions.order_by("path").values_list("pk", "slug", "name", "depth", "path")
    ]


def desk_search(queryset, search_term):
    """The stories of queryset (any status) holding every word, through the search index.

    For the desk's story list (registered in search/apps.py): its own ordering stays, nothing
    is ranked, and no LIKE runs over the stories' bodies.
    """
    parsed = parse_query(search_term)
    if not parsed.terms:
        return queryset
    return queryset.filter(pk__in=backends.matching_ids(parsed.terms))
