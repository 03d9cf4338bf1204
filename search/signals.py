"""Keep each story's search document in step with what is searched: its text, themes, bylines.

Deleting a story deletes its document through the foreign key's cascade.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Byline
from search.indexing import INDEXED_ARTICLE_FIELDS, index_article


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def index_saved_article(sender, instance, created, raw, update_fields, **kwargs):
    if raw:
        # Fixture loading: related rows may not exist yet; rebuild_search_index catches up.
        return
    if update_fields is not None and not INDEXED_ARTICLE_FIELDS & set(update_fields):
        return
    index_article(instance)


@receiver(post_save, sender=Byline, dispatch_uid="search_index_byline_saved")
def index_byline_article(sender, instance, raw, **kwargs):
    if not raw:
        index_article(instance.article)


@receiver(post_delete, sender=Byline, dispatch_uid="search_index_byline_deleted")
def index_after_byline_deleted(sender, instance, origin=None, **kwargs):
    # When the story itself is being deleted, its document goes with it: indexing it again
    # would write a row that points at a story about to disappear.
    deleting_story = isinstance(origin, Article) or (
        isinstance(origin, QuerySet) and origin.model is Article
    )
    if not deleting_story:
        index_article(instance.article)


@receiver(m2m_changed, sender=ArticleTheme, dispatch_uid="search_index_themes_changed")
def index_after_themes_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Article):
        index_article(instance)


@receiver(post_save, sender=Tag, dispatch_uid="search_index_theme_renamed")
def index_after_theme_saved(sender, instance, created, raw, **kwargs):
    if created or raw:
        return
    for article in Article.objects.filter(themes=instance).prefetch_related("themes", "bylines"):
        index_article(article)


@receiver(pre_delete, sender=Tag, dispatch_uid="search_note_theme_stories")
def note_stories_of_deleted_theme(sender, instance, **kwargs):
    instance._search_article_ids = list(
        Article.objects.filter(themes=instance).values_list("pk", flat=True)
    )


@receiver(post_delete, sender=Tag, dispatch_uid="search_index_theme_deleted")
def index_after_theme_deleted(sender, instance, **kwargs):
    article_ids = getattr(instance, "_search_article_ids", ())
    for article in Article.objects.filter(pk__in=article_ids).prefetch_related("themes", "bylines"):
        index_article(article)
