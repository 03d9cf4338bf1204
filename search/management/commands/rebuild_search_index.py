import multiprocessing
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils.translation import gettext as _

from articles.models import Article
from newsroom.progress import Progress
from search.indexing import REBUILD_BATCH_SIZE, index_articles
from search.segmentation import tokenizer


def _index_batch(ids):
    """In a worker process: cut one batch of stories (the worker opens its own connection)."""
    return index_articles(Article.objects.filter(pk__in=ids), batch_size=len(ids))


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
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help=_(
                "Processes cutting stories at once (default: one per core on PostgreSQL, "
                "one on SQLite, which lets one process write at a time)."
            ),
        )

    def handle(self, *args, missing, batch_size, jobs, **options):
        articles = Article.objects.all()
        if missing:
            articles = articles.filter(search_document__isnull=True)
        if jobs is None:
            jobs = (os.cpu_count() or 1) if connection.vendor == "postgresql" else 1
        if jobs < 1:
            raise CommandError(_("--jobs must be at least 1."))
        batch_size = max(1, batch_size)
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
        progress = Progress(len(ids), _("Indexing stories"), stream=self.stderr._out)
        # Workers have connections of their own: they could not see a caller's open transaction.
        if jobs == 1 or len(batches) < 2 or connection.in_atomic_block:
            for batch in batches:
                progress.advance(_index_batch(batch))
        else:
            # jieba's dictionary is loaded once here and shared with the forked workers; no
            # database connection may cross the fork.
            tokenizer()
            connections.close_all()
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                for count in pool.imap_unordered(_index_batch, batches):
                    progress.advance(count)
        count, seconds, rate = progress.finish()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Indexed %(count)d stories in %(seconds).1f s (%(rate).0f a second, "
                    "%(jobs)d processes)."
                )
                % {
                    "count": count,
                    "seconds": seconds,
                    "rate": rate,
                    "jobs": min(jobs, len(batches) or 1),
                }
            )
        )
