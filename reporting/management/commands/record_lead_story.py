from django.core.management.base import BaseCommand

from reporting.headlines import record_today


class Command(BaseCommand):
    help = (
        "Record the home page's lead story as today's 头条 now (steps and a scheduled "
        "story's task record it by themselves)."
    )

    def handle(self, *args, **options):
        record = record_today()
        if record is None:
            self.stdout.write("No story leads the home page today.")
        else:
            self.stdout.write(f"{record.date}: {record.article.headline}")
