"""Keep each story's search document in step with what is searched: its text, themes, bylines.

The receivers only note which stories changed; they are indexed once per commit, in a
background task (search/queue.py). Deleting a story deletes its document through the foreign
key's cascade.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Byline
from search.indexing import INDEXED_ARTICLE_FIELDS
from search.queue import index_after_commit


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def index_saved_article(sender, instance, created, raw, update_fields, using, **kwargs):
    if raw:
        # Fixture loading: related rows may not exist yet; rebuild_search_index catches up.
        return
    if update_fields is not None and not INDEXED_ARTICLE_FIELDS & set(update_fields):
        return
    index_after_commit([instance.pk], using=using)


@receiver(post_save, sender=Byline, dispatch_uid="search_index_byline_saved")
def index_byline_article(sender, instance, raw, using, **kwargs):
    if not raw:
        index_after_commit([instance.article_id], using=using)


@receiver(post_delete, sender=Byline, dispatch_uid="search_index_byline_deleted")
def index_after_byline_deleted(sender, instance, using, origin=None, **kwargs):
    # When the story itself is being deleted, its document goes with it.
    deleting_story = isinstance(origin, Article) or (
        isinstance(origin, QuerySet) and origin.model is Article
    )
    if not deleting_story:
        index_after_commit([instance.article_id], using=using)


@receiver(m2m_changed, sender=ArticleTheme, dispatch_uid="search_index_themes_changed")
def index_after_themes_changed(sender, instance, action, using, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Article):
        index_after_commit([instance.pk], using=using)


@receiver(post_save, sender=Tag, dispatch_uid="search_index_theme_renamed")
def index_after_theme_saved(sender, instance, created, raw, using, **kwargs):
    """A renamed theme: its stories go to the batch indexer, not cut one by one in the request."""
    if created or raw:
        return
    index_after_commit(
        Article.objects.filter(themes=instance).values_list("pk", flat=True), using=using
    )


@receiver(pre_delete, sender=Tag, dispatch_uid="search_note_theme_stories")
def note_stories_of_deleted_theme(sender, instance, **kwargs):
    instance._search_article_ids = list(
        Article.objects.filter(themes=instance).values_list("pk", flat=True)
    )


@receiver(post_delete, sender=Tag, dispatch_uid="search_index_theme_deleted")
def index_after_theme_deleted(sender, instance, using, **kwargs):
    index_after_commit(getattr(instance, "_search_article_ids", ()), using=using)
