from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from importer import scoring
from importer.exceptions import CopyImportError


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Read pages whose stories are written down in <page>.expected.json and print, per "
            "page and per field, the share the importer gets right. Writes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Folders or pages."))
        parser.add_argument(
            "--expected",
            metavar="FILE",
            help=_("The expected stories of the one page given, when they are kept elsewhere."),
        )
        parser.add_argument(
            "--verbose-misses",
            action="store_true",
            help=_("Also print every field read wrong, with what was expected."),
        )

    def handle(self, *args, **options):
        pages = scoring.pages_in(options["paths"])
        if options["expected"]:
            if len(pages) != 1:
                raise CommandError(_("--expected goes with exactly one page."))
            pages = [(pages[0][0], Path(options["expected"]))]
        if not pages:
            raise CommandError(_("No page with an expected .expected.json file was found."))
        scores = []
        for page, expected in pages:
            if not expected.exists():
                raise CommandError(_("“%(path)s” does not exist.") % {"path": expected})
            try:
                scores.append(scoring.score_page(page, expected))
            except CopyImportError as error:
                raise CommandError(f"{page.name}: {error}") from error
        width = max(len(score.name) for score in scores) + 2
        header = ["stories", *scoring.SCORED_FIELDS, "all fields"]
        self.stdout.write(" " * width + " ".join(f"{name:>12}" for name in header))
        for score in [*scores, scoring.total(scores)]:
            name = score.name or _("corpus")
            cells = [f"{score.found}/{score.expected}"]
            cells += [_percent(score.share(field)) for field in scoring.SCORED_FIELDS]
            cells.append(_percent(score.fields_share))
            self.stdout.write(f"{name:<{width}}" + " ".join(f"{cell:>12}" for cell in cells))
        whole = scoring.total(scores)
        self.stdout.write(
            _(
                "Stories found: %(found)s; fields right: %(fields)s; "
                "stories read but not expected: %(extra)d."
            )
            % {
                "found": _percent(whole.found_share),
                "fields": _percent(whole.fields_share),
                "extra": whole.extra,
            }
        )
        if options["verbose_misses"]:
            for score in scores:
                for headline, field, expected, got in score.wrong:
                    self.stdout.write(
                        f"{score.name} 《{headline}》 {field}: {expected!r} ≠ {got!r}"
                    )


def _percent(share):
    return f"{share * 100:.1f} %"
