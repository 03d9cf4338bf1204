from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """A story cut into words for search, kept in step with the story by search/signals.py.

    The *_terms fields hold index tokens separated by spaces (see segmentation.document_terms);
    on PostgreSQL search_vector weighs them (headline A, body B, themes and bylines C) and a GIN
    index serves the queries. SQLite matches the padded token strings directly.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    headline_terms = models.TextField(
        _("headline words"), blank=True, help_text=_("Kicker, headline and subheadline.")
    )
    body_terms = models.TextField(
        _("body words"), blank=True, help_text=_("Summary, body and correction note.")
    )
    credit_terms = models.TextField(
        _("theme and byline words"), blank=True, help_text=_("Theme names and byline names.")
    )
    text = models.TextField(
        _("plain text"),
        blank=True,
        help_text=_("Everything above as normalised plain text, for matching literal phrases."),
    )
    # Filled on PostgreSQL only; it stays empty on SQLite.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    # The story's publication time, copied: recent matches are found within the newest stories
    # through this column's index and the GIN index together (search.backends). Whether the
    # story is public is always read from the story itself.
    publish_at = models.DateTimeField(_("publication time"), null=True, editable=False)
    source_digest = models.CharField(
        _("source digest"),
        max_length=64,
        blank=True,
        help_text=_("Fingerprint of the text and dictionary the words were cut from."),
    )
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # Built on PostgreSQL only (see the migration); SQLite has no GIN indexes.
        indexes = [
            GinIndex(fields=["search_vector"], name="search_document_vector"),
            models.Index(fields=["-publish_at", "-article"], name="search_document_recency"),
        ]

    def __str__(self):
        return str(self.article_id)
