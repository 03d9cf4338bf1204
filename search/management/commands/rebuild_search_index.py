import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from articles.models import Article
from search.indexing import REBUILD_BATCH_SIZE, index_articles


class Command(BaseCommand):
    help = _(
        "Cut every story into its search document again, e.g. after editing "
        "search/dictionary.txt or after stories were loaded without signals."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help=_("Only index stories that have no search document yet."),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH_SIZE,
            help=_("Stories cut and written per transaction."),
        )

    def handle(self, *args, missing, batch_size, **options):
        articles = Article.objects.all()
        if missing:
            articles = articles.filter(search_document__isnull=True)
        started = time.perf_counter()
        count = index_articles(articles, batch_size=max(1, batch_size))
        self.stdout.write(
            self.style.SUCCESS(
                _("Indexed %(count)d stories in %(seconds).1f s.")
                % {"count": count, "seconds": time.perf_counter() - started}
            )
        )
