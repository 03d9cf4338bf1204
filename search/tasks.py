"""Search indexing in the background: cutting a story with jieba takes a request's time."""

from django_tasks import task

from articles.models import Article
from newsroom.background import retry_on_failure
from search.indexing import index_article


@task()
def index_stories(article_ids, attempt=1):
    """Bring these stories' search documents up to date; returns how many were cut again.

    Idempotent: a story whose text did not change since its document was cut is skipped, and
    a story deleted since the task was enqueued has no document left to update.
    """
    with retry_on_failure(index_stories, article_ids, attempt=attempt):
        stories = Article.objects.filter(pk__in=article_ids).prefetch_related("themes", "bylines")
        return sum(index_article(story) for story in stories)
