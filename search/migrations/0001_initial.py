import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import search.operations


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="articles.article",
                        verbose_name="story",
                    ),
                ),
                (
                    "headline_terms",
                    models.TextField(
                        blank=True,
                        help_text="Kicker, headline and subheadline.",
                        verbose_name="headline words",
                    ),
                ),
                (
                    "body_terms",
                    models.TextField(
                        blank=True,
                        help_text="Summary, body and correction note.",
                        verbose_name="body words",
                    ),
                ),
                (
                    "credit_terms",
                    models.TextField(
                        blank=True,
                        help_text="Theme names and byline names.",
                        verbose_name="theme and byline words",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True,
                        help_text="Everything above as normalised plain text, for matching literal phrases.",
                        verbose_name="plain text",
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(
                        editable=False, null=True, verbose_name="search vector"
                    ),
                ),
                (
                    "source_digest",
                    models.CharField(
                        blank=True,
                        help_text="Fingerprint of the text and dictionary the words were cut from.",
                        max_length=64,
                        verbose_name="source digest",
                    ),
                ),
                ("indexed_at", models.DateTimeField(auto_now=True, verbose_name="indexed")),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
            },
        ),
        # GIN is PostgreSQL's; on SQLite the index exists in the migration state only.
        search.operations.AddIndexOnPostgreSQL(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="search_document_vector"
            ),
        ),
    ]
