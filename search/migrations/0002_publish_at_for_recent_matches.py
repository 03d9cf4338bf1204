from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_publication_times(apps, schema_editor):
    """Every existing document gets its story's publication time (one UPDATE)."""
    Article = apps.get_model("articles", "Article")
    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchDocument.objects.update(
        publish_at=Subquery(Article.objects.filter(pk=OuterRef("pk")).values("publish_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="publish_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="publication time"),
        ),
        migrations.RunPython(copy_publication_times, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["-publish_at", "-article"], name="search_document_recency"),
        ),
    ]
