"""Cutting stories into search documents: one story at a time, or all of them in batches."""

import hashlib
from dataclasses import dataclass
from itertools import islice

from django.db import transaction

from articles import body as body_format
from search import backends
from search.models import SearchDocument
from search.segmentation import dictionary_digest, document_terms, normalize

# A save of a story that names only other fields (status, version…) changes nothing that is
# searched, and skips the indexing. The publication time is copied to the document (recent
# matches are found through it), so a story scheduled again is indexed again.
INDEXED_ARTICLE_FIELDS = frozenset(
    {"kicker", "headline", "subheadline", "summary", "body", "correction_note", "publish_at"}
)
REBUILD_BATCH_SIZE = 200


@dataclass(frozen=True)
class DocumentSource:
    """The searchable text of a story, by weight."""

    headline: str
    body: str
    credits: str

    @property
    def digest(self):
        material = "\x1f".join((dictionary_digest(), self.headline, self.body, self.credits))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()


def document_source(article):
    """The text to index; reads themes and bylines through any prefetch the article carries."""
    headline = (article.kicker, article.headline, article.subheadline)
    body = (
        article.summary,
        *(block.text for block in body_format.parse(article.body)),
        article.correction_note,
    )
    credits = (
        *(theme.name for theme in article.themes.all()),
        *(byline.name for byline in article.bylines.all()),
    )
    return DocumentSource(
        *("\n".join(part for part in parts if part) for parts in (headline, body, credits))
    )


def build_document(article, source=None):
    """An unsaved SearchDocument for the article."""
    source = source or document_source(article)
    return SearchDocument(
        article_id=article.pk,
        headline_terms=document_terms(source.headline),
        body_terms=document_terms(source.body),
        credit_terms=document_terms(source.credits),
        text="\n".join(normalize(part) for part in (source.headline, source.body, source.credits)),
        source_digest=source.digest,
        publish_at=article.publish_at,
    )


def index_article(article):
    """Bring the story's search document up to date; True when it had to be cut again."""
    source = document_source(article)
    stored_digest, stored_publish_at = (
        SearchDocument.objects.filter(pk=article.pk)
        .values_list("source_digest", "publish_at")
        .first()
    ) or (None, None)
    if stored_digest == source.digest:
        if stored_publish_at != article.publish_at:
            # Rescheduled or published with the same words: only the date moves.
            SearchDocument.objects.filter(pk=article.pk).update(publish_at=article.publish_at)
        return False
    with transaction.atomic():
        build_document(article, source).save(force_insert=stored_digest is None)
        backends.refresh_vectors(SearchDocument.objects.filter(pk=article.pk))
    return True


def index_articles(articles, *, batch_size=REBUILD_BATCH_SIZE):
    """Cut every story of the queryset afresh, whatever its digest says; returns the count."""
    stories = (
        articles.order_by("pk")
        .prefetch_related("themes", "bylines")
        .iterator(chunk_size=batch_size)
    )
    indexed = 0
    while batch := list(islice(stories, batch_size)):
        documents = [build_document(article) for article in batch]
        with transaction.atomic():
            SearchDocument.objects.bulk_create(
                documents,
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=[
                    "headline_terms",
                    "body_terms",
                    "credit_terms",
                    "text",
                    "source_digest",
                    "publish_at",
                    "indexed_at",
                ],
            )
            backends.refresh_vectors(
                SearchDocument.objects.filter(pk__in=[doc.article_id for doc in documents])
            )
        indexed += len(documents)
    return indexed
