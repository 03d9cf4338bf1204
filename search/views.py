from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from articles.models import Article
from search.forms import SearchForm
from search.highlight import highlight, snippet, words_pattern
from search.segmentation import QUERY_MAX_LENGTH, parse_query
from search.selectors import filter_unions, popular_themes, search_articles

RESULTS_PER_PAGE = 20
SUGGESTED_THEMES = 12
# The union filter indents sub-unions with ideographic spaces, which HTML does not collapse.
INDENT = "\u3000"


@dataclass(frozen=True)
class SearchHit:
    article: Article
    headline: SafeString
    snippet: SafeString


@require_safe
def search(request):
    """Search results (/search/?q=…&union=…&theme=…), or suggestions when there is no query."""
    form = SearchForm(request.GET, auto_id="search-%s")
    form.is_valid()  # the words are always valid; an unknown filter gets an error and is dropped
    query = form.cleaned_data.get("q", "")
    filters = form.search_filters()
    parsed = parse_query(query)

    page = None
    capped = False
    hits = []
    if parsed.terms:
        results = search_articles(parsed, **filters)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        capped = results.capped
        pattern = words_pattern(parsed.highlight_words)
        hits = [
            SearchHit(article, highlight(article.headline, pattern), snippet(article, pattern))
            for article in page
        ]

    themes = popular_themes(include=filters["theme"])
    query = query[:QUERY_MAX_LENGTH]
    title = _("Search results for “%(query)s”") % {"query": query} if query else _("Search")
    context = {
        # What base.html shows in <title> and link previews; the header's box keeps the words.
        "meta": {"title": title, "path": reverse("search:search")},
        "search_query": query,
        "form": form,
        "query": query,
        "parsed": parsed,
        "page": page,
        "capped": capped,
        "hits": hits,
        "filtered": any(filters.values()),
        "union_options": [
            {
                "slug": union.slug,
                "label": INDENT * union.depth + union.name,
                "selected": filters["union"] is not None and union.pk == filters["union"].pk,
            }
            for union in filter_unions(include=filters["union"])
        ],
        "theme_options": [
            {"slug": theme.slug, "label": theme.name, "selected": theme == filters["theme"]}
            for theme in themes
        ],
        "suggested_themes": [theme for theme in themes if theme != filters["theme"]][
            :SUGGESTED_THEMES
        ],
    }
    response = render(request, "search/results.html", context)
    # Result pages are endless combinations of words: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex"
    return response
