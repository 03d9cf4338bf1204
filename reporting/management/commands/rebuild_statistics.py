import time

from django.core.management.base import BaseCommand

from reporting import summary


class Command(BaseCommand):
    help = (
        "Work the statistics' per-day summary out again from the stories, filings, photos, "
        "adoptions and 头条 records (after bulk imports or writes that bypassed the models)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = summary.rebuild()
        self.stdout.write(f"Summary rebuilt: {rows} rows in {time.perf_counter() - started:.1f} s.")
