from django.conf import settings
from django.core.management.base import BaseCommand

from demo.services import load_demo


class Command(BaseCommand):
    help = "Create the demo newsroom (unions, themes, users, stories); safe to run again."

    def handle(self, *args, **options):
        report = load_demo()
        self.stdout.write(
            f"Demo data: {report.created_unions} unions and {report.created_stories} stories "
            "created (existing ones kept)."
        )
        self.stdout.write("")
        # SITE_URL: the address `make run` serves on (HOST_PORT), the one emails and links use.
        self.stdout.write(f"Demo logins (newsroom: {settings.SITE_URL}/admin/):")
        for username, password, role in report.logins:
            self.stdout.write(f"  {username:<10} {password:<22} {role}")
        self.stdout.write(f"Public site: {settings.SITE_URL}/")
