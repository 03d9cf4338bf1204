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
        self.stdout.write(f"Demo plan: {report.created_ideas} story ideas created.")
        self.stdout.write("")
        self.stdout.write("Demo logins (newsroom: http://127.0.0.1:8000/admin/):")
        for username, password, role in report.logins:
            self.stdout.write(f"  {username:<10} {password:<22} {role}")
        self.stdout.write("Public site: http://127.0.0.1:8000/")
