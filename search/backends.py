"""The database's half of search: full-text search on PostgreSQL, token matching elsewhere.

Both take the terms of segmentation.parse_query, keep the stories that match every term and
rank them with the headline above the body above themes and bylines, so that results agree in
spirit on both databases. Only the PostgreSQL path uses the GIN index.

On PostgreSQL only the newest CANDIDATE_LIMIT matching stories are ranked (and counted): a word
in every story (工会) would otherwise rank and count the whole table for each query. The
matches are first looked for among the newest RECENT_WINDOW stories only: the GIN index and the
documents' own publication-date index are combined (or, for a word in most stories, the date
index is walked until the limit), so a word in one story of twenty no longer makes the
database fetch and rank thousands of documents (李雪: 114 ms, 疗休养: 184 ms at 100,000). When the
window holds fewer than ENOUGH_RECENT matches, the word is rare and the whole index is asked,
which is then cheap. A literal phrase is checked on the candidates only, never with a LIKE over
all the text.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When

CONFIG = "simple"
# Weights of the document's parts, as PostgreSQL's ts_rank applies them to A, B and C.
FIELD_WEIGHTS = {"headline_terms": 1.0, "body_terms": 0.4, "credit_terms": 0.2}
RESULT_ORDER = ("-rank", "-publish_at", "-pk")
# How many of the newest matching stories are ranked: 25 pages of results.
CANDIDATE_LIMIT = 500
# Matches are looked for among this many of the newest stories first...
RECENT_WINDOW = 10_000
# ...and that is enough when it finds this many (five pages of results).
ENOUGH_RECENT = 100


def is_postgresql():
    return connection.vendor == "postgresql"


def refresh_vectors(documents):
    """Recompute the weighted tsvector of these SearchDocuments (PostgreSQL only).

    The word lists it is made from are then emptied in the same UPDATE (which reads the old
    values): the vector holds them, and keeping both doubled each story's search document.
    """
    if is_postgresql():
        documents.update(
            search_vector=SearchVector("headline_terms", weight="A", config=CONFIG)
            + SearchVector("body_terms", weight="B", config=CONFIG)
            + SearchVector("credit_terms", weight="C", config=CONFIG),
            headline_terms="",
            body_terms="",
            credit_terms="",
        )


def ranked_ids(articles, terms):
    """(ids of the articles that match every term, best first (rank, then newest), capped).

    `capped` says that older matches were left unranked (PostgreSQL): the page says "the
    newest of many" instead of a count.
    """
    if is_postgresql():
        return _ranked_ids_postgresql(articles, terms)
    return list(_matching_portable(articles, terms).values_list("pk", flat=True)), False


def tsquery(terms):
    """The PostgreSQL text query asking for every term (PostgreSQL only)."""

    # Every token is a separate plainto_tsquery: a query can never inject tsquery syntax.
    def token_query(token):
        return SearchQuery(token, config=CONFIG, search_type="plain")

    def term_query(term):
        groups = [reduce(and_, map(token_query, group)) for group in term.token_groups]
        return reduce(or_, groups)

    return reduce(and_, map(term_query, terms))


def recent_window_start():
    """The publication time of the RECENT_WINDOW-th newest search document, or None.

    Read along the documents' date index; kept as a fragment of the public site (renewed with
    each change to the public stories), so a search does not walk the index each time.
    """
    from news.cache import fragment
    from search.models import SearchDocument

    def window_start():
        return (
            SearchDocument.objects.filter(publish_at__isnull=False)
            .order_by("-publish_at", "-article")
            .values_list("publish_at", flat=True)[RECENT_WINDOW : RECENT_WINDOW + 1]
            .first()
        )

    return fragment(f"search-window:{RECENT_WINDOW}", window_start)


def _newest_candidates(matches, query, *, by_document):
    order = ("-search_document__publish_at", "-pk") if by_document else ("-publish_at", "-pk")
    return list(
        matches.annotate(rank=SearchRank(F("search_document__search_vector"), query))
        .order_by(*order)
        .values_list("pk", "rank", "publish_at")[:CANDIDATE_LIMIT]
    )


def _ranked_ids_postgresql(articles, terms):
    """Rank the newest CANDIDATE_LIMIT matches, recent ones first; check phrases on those only."""
    from search.models import SearchDocument

    query = tsquery(terms)
    matches = articles.filter(search_document__search_vector=query)
    since = recent_window_start()
    rows = []
    if since is not None:
        # Ordered by the document's copy of the date, so that the database can walk its index.
        recent = matches.filter(search_document__publish_at__gte=since)
        rows = _newest_candidates(recent, query, by_document=True)
    capped = since is not None and len(rows) >= ENOUGH_RECENT
    if not capped:
        rows = _newest_candidates(matches, query, by_document=False)
        capped = len(rows) >= CANDIDATE_LIMIT
    phrases = [term.text for term in terms if term.phrase]
    if phrases and rows:
        # The index found the characters; the phrase must also occur as typed.
        documents = SearchDocument.objects.filter(pk__in=[pk for pk, _rank, _at in rows])
        for phrase in phrases:
            documents = documents.filter(text__contains=phrase)
        kept = set(documents.values_list("pk", flat=True))
        rows = [row for row in rows if row[0] in kept]
    rows.sort(key=lambda row: (-row[1], -row[2].timestamp(), -row[0]))
    return [pk for pk, _rank, _at in rows], capped


def matching_ids(terms):
    """The ids of all stories, whatever their status, that hold every term's words (unranked).

    For the desk: on PostgreSQL a phrase (a name the dictionary does not know, 陈雪) matches
    the stories holding all its characters, without checking them side by side, because that
    check is a LIKE over the text of every story holding them.
    """
    from articles.models import Article

    articles = Article.objects.all()
    if not is_postgresql():
        return _matching_portable(articles, terms).order_by().values("pk")
    return articles.filter(search_document__search_vector=tsquery(terms)).values("pk")


def _has_tokens(field, tokens):
    return reduce(and_, (Q(**{f"search_document__{field}__contains": f" {t} "}) for t in tokens))


def _term_in(field, term):
    return reduce(or_, (_has_tokens(field, group) for group in term.token_groups))


def _matching_portable(articles, terms):
    for term in terms:
        if term.phrase:
            articles = articles.filter(search_document__text__contains=term.text)
        else:
            articles = articles.filter(reduce(or_, (_term_in(f, term) for f in FIELD_WEIGHTS)))
    rank = reduce(
        lambda total, part: total + part,
        (
            Case(
                When(_term_in(field, term), then=Value(weight)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for term in terms
            for field, weight in FIELD_WEIGHTS.items()
        ),
    )
    return articles.annotate(rank=rank).order_by(*RESULT_ORDER)
