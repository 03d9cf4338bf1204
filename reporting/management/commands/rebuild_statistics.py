import time

from django.core.management.base import BaseCommand
from django.db import connection

from reporting import summary


class Command(BaseCommand):
    help = (
        "Work the statistics' per-day summary out again from the stories, filings, photos, "
        "adoptions and 头条 records (after bulk imports or writes that bypassed the models)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = summary.rebuild()
        if connection.vendor == "postgresql":
            # The planner's row estimates for a table just filled: without them a year's
            # statistics were planned as a few hundred rows.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {summary._models().DailyTally._meta.db_table}")
        self.stdout.write(f"Summary rebuilt: {rows} rows in {time.perf_counter() - started:.1f} s.")
