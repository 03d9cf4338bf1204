from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import creates_superuser, load_demo

PRODUCTION_FLAG = "--i-know-this-is-production"


class Command(BaseCommand):
    help = "Create the demo newsroom (unions, themes, users, stories); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            PRODUCTION_FLAG,
            action="store_true",
            dest="production",
            help="Create the demo superuser, whose password is public, even with DEBUG off.",
        )

    def handle(self, *args, **options):
        # The demo's superuser has a published password: on a real site it is a way in.
        if not settings.DEBUG and not options["production"] and creates_superuser():
            raise CommandError(
                "DEBUG is off, so this looks like a real site: load_demo would create a "
                "superuser whose password is in the README. Run it with DEBUG=1, or add "
                f"{PRODUCTION_FLAG} if you really mean to."
            )
        report = load_demo()
        self.stdout.write(
            f"Demo data: {report.created_unions} unions and {report.created_stories} stories "
            "created (existing ones kept)."
        )
        self.stdout.write(f"Demo plan: {report.created_ideas} story ideas created.")
        self.stdout.write("")
        # SITE_URL: the address `make run` serves on (HOST_PORT), the one emails and links use.
        self.stdout.write(f"Demo logins (newsroom: {settings.SITE_URL}/admin/):")
        for username, password, role in report.logins:
            self.stdout.write(f"  {username:<10} {password:<22} {role}")
        self.stdout.write(f"Public site: {settings.SITE_URL}/")
