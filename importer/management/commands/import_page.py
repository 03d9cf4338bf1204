import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from articles.models import Article
from editorial.services.checks import TransitionNotAllowed
from importer import services
from importer.exceptions import CopyImportError
from importer.sources import read_source
from newsroom.progress import Progress
from unions.models import Union


class Command(BaseCommand):
    @property
    def help(self):
        # A property: argparse needs a real string, translated when the command runs.
        return _(
            "Import pages of copy (.txt in UTF-8, GB18030 or GBK, or Word .docx) as draft stories."
        )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Files to import."))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Show what would be imported; write nothing.")
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help=_(
                "Print what was found as one JSON object: stories, left-over lines and warnings "
                "(reports go to standard error)."
            ),
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help=_("The desk user who will own the drafts.")
        )
        parser.add_argument(
            "--no-punctuation",
            action="store_true",
            help=_("Keep punctuation as it is instead of making it full-width in Chinese text."),
        )
        parser.add_argument(
            "--union",
            metavar="NAME",
            help=_(
                "File stories whose union is unknown under this union (name or short name). "
                "Without it, copy with such stories is refused."
            ),
        )
        parser.add_argument(
            "--keep-traditional",
            action="store_true",
            help=_("Keep Traditional Chinese as it is instead of converting it to Simplified."),
        )
        parser.add_argument(
            "--include-similar",
            action="store_true",
            help=_("Also import stories that are very like an existing story."),
        )

    def handle(self, *args, **options):
        user = self._user(options["user"])
        fallback_union = self._union(options["union"])
        try:
            sources = [self._read(path) for path in options["paths"]]
            report = services.import_copy(
                files=sources,
                user=user,
                dry_run=options["dry_run"],
                normalise_punctuation=not options["no_punctuation"],
                convert_traditional=not options["keep_traditional"],
                include_similar=options["include_similar"],
                fallback_union=fallback_union,
                # Whoever runs the site's commands may start columns.
                may_start_columns=True,
                progress=self._progress(len(sources)),
            )
        except CopyImportError as error:
            raise CommandError(str(error)) from error
        except TransitionNotAllowed as refusal:
            # The owner named by --user may not file stories (file_draft's permission check).
            raise CommandError(refusal.message) from refusal
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            # The human report goes to standard error, so standard output stays pure JSON.
            self._report(report, user, out=self.stderr)
        else:
            self._report(report, user, out=self.stdout)

    def _progress(self, file_count):
        """Progress bars on a terminal (standard error) for large inputs; None otherwise."""
        stream = getattr(self.stderr, "_out", self.stderr)
        if not getattr(stream, "isatty", lambda: False)():
            return None
        return TerminalProgress(stream, file_count)

    def _read(self, path):
        path = Path(path)
        if not path.is_file():
            raise CommandError(_("“%(path)s” is not a file.") % {"path": path})
        return read_source(path.name, path.read_bytes())

    def _user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(_("There is no user “%(name)s”.") % {"name": username}) from error

    def _union(self, name):
        if not name:
            return None
        union = Union.objects.filter(Q(name=name) | Q(short_name=name)).order_by("path").first()
        if union is None:
            raise CommandError(_("There is no union “%(name)s”.") % {"name": name})
        return union

    def _report(self, report, user, *, out):
        for summary in report.sources:
            out.write(
                ngettext(
                    "%(name)s (%(encoding)s): %(count)d story",
                    "%(name)s (%(encoding)s): %(count)d stories",
                    summary.story_count,
                )
                % {
                    "name": summary.source.name,
                    "encoding": summary.source.read_as,
                    "count": summary.story_count,
                }
            )
            for leftover in summary.leftovers:
                out.write("  " + _("Text outside any story: %(text)s") % {"text": leftover})
            for warning in services.file_warnings(summary):
                out.write("  " + warning)
        for number, outcome in enumerate(report.outcomes, start=1):
            out.write(f"{number:3d}. {outcome.story.headline} · {_describe(outcome)}")
            for warning in outcome.warnings:
                out.write("     " + warning)
        created = len(report.created) if not report.dry_run else len(report.to_create)
        if report.dry_run:
            summary = ngettext(
                "Dry run: %(count)d draft story would be created; nothing was written.",
                "Dry run: %(count)d draft stories would be created; nothing was written.",
                created,
            )
        else:
            summary = ngettext(
                "Created %(count)d draft story.", "Created %(count)d draft stories.", created
            )
        out.write(summary % {"count": created})
        if report.skipped:
            out.write(
                ngettext(
                    "%(count)d story exists already and was not imported again.",
                    "%(count)d stories exist already and were not imported again.",
                    len(report.skipped),
                )
                % {"count": len(report.skipped)}
            )
        if not report.dry_run and user is None and report.created:
            out.write(_("No --user was given: the drafts have no owner."))


class TerminalProgress:
    """Bars for the files being read (several files) and the drafts being filed (many)."""

    # Fewer drafts than this are filed in about a second: no bar.
    LARGE = 20

    def __init__(self, stream, file_count):
        self.stream = stream
        self.reading = Progress(file_count, _("Reading"), stream=stream) if file_count > 1 else None
        self.filing = None

    def parsed(self, files, stories):
        if self.reading is not None:
            self.reading.advance()
            if files == self.reading.total:
                self.reading.finish()

    def created(self, done, total):
        if total < self.LARGE:
            return
        if self.filing is None:
            self.filing = Progress(total, _("Filing drafts"), stream=self.stream)
        self.filing.advance()
        if done == total:
            self.filing.finish()


def _describe(outcome):
    story = outcome.story
    parts = [str(dict(Article.Genre.choices)[story.genre])]
    match = outcome.union_match
    if match.union is not None:
        parts.append(match.union.name)
    elif match.printed_name:
        parts.append(_("unknown union: %(name)s") % {"name": match.printed_name})
    else:
        parts.append(_("no union named"))
    if match.union is None and outcome.filed_under is not None:
        parts.append(_("filed under %(name)s") % {"name": outcome.filed_under.name})
    if outcome.column_status == services.COLUMN_NEW:
        parts.append(_("new column: %(name)s") % {"name": story.column})
    elif story.column:
        parts.append(_("column: %(name)s") % {"name": story.column})
    if story.bylines:
        parts.append(" ".join(name for name, _role in story.bylines))
    status = {
        services.CREATED: pgettext("import outcome", "created"),
        services.WOULD_CREATE: _("would be created"),
        services.EXISTS: _("exists already"),
        services.REPEATED: _("repeats an earlier story in this import"),
        services.SIMILAR: _("like an existing story: not imported (--include-similar)"),
        services.LEFT_OUT: _("left out"),
    }[outcome.status]
    if outcome.status in {services.CREATED, services.EXISTS}:
        status = f"{status} {outcome.article_admin_url}"
    parts.append(status)
    return " · ".join(parts)
