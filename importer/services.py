"""Import copy: files in, draft stories out, whole or not at all."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.body import serialize
from articles.models import Article, Column
from editorial.services import file_draft
from importer.exceptions import (
    ConcurrentImportError,
    CopyImportError,
    NoStoryFoundError,
    NoUnionError,
)
from importer.fingerprints import story_fingerprint
from importer.models import ImportedStory
from importer.parser import parse_page
from importer.punctuation import normalise
from importer.sources import CopySource, read_source, read_uploaded_file
from importer.union_matching import MATCHED, UnionMatcher
from unions.models import Union

ADD_COLUMN_PERMISSION = "articles.add_column"

# What becomes of the column a story names.
COLUMN_EXISTS = "exists"
COLUMN_NEW = "new"  # created with the story
COLUMN_LEFT_OUT = "left_out"  # unknown, and the importing user may not start columns

CREATED = "created"
WOULD_CREATE = "would_create"
EXISTS = "exists"  # imported before
REPEATED = "repeated"  # the same story earlier in this import


@dataclass
class StoryOutcome:
    """What the import did, or would do, with one story."""

    source_name: str
    story: object  # a parser.ParsedStory
    union_match: object  # a union_matching.UnionMatch
    filed_under: Union | None
    fingerprint: str
    status: str = WOULD_CREATE
    article: Article | None = None  # the created story, or the one that exists already
    column_status: str = ""  # COLUMN_EXISTS, COLUMN_NEW or COLUMN_LEFT_OUT when one is named

    @property
    def union_name(self):
        """The matched union's name, or "" (what --json reports)."""
        return self.union_match.union.name if self.union_match.status == MATCHED else ""

    @property
    def article_admin_url(self):
        if self.article is None:
            return ""
        return reverse("admin:articles_article_change", args=[self.article.pk])

    def as_json(self):
        story = self.story
        return {
            "headline": story.headline,
            "kicker": story.kicker,
            "subheadline": story.subheadline,
            "union": self.union_name,
            "genre": story.genre,
            "staff_report": story.staff_report,
            "bylines": [{"name": name, "role": role} for name, role in story.bylines],
            "body": [{"type": block.type, "text": block.text} for block in story.body],
            "column": story.column,
        }


@dataclass
class SourceSummary:
    source: CopySource
    story_count: int
    leftovers: list = field(default_factory=list)


@dataclass
class ImportReport:
    dry_run: bool
    sources: list
    outcomes: list
    fallback_union: Union | None = None

    @property
    def created(self):
        return [outcome for outcome in self.outcomes if outcome.status == CREATED]

    @property
    def to_create(self):
        return [outcome for outcome in self.outcomes if outcome.status in {CREATED, WOULD_CREATE}]

    @property
    def skipped(self):
        return [outcome for outcome in self.outcomes if outcome.status in {EXISTS, REPEATED}]

    @property
    def without_union(self):
        return [outcome for outcome in self.to_create if outcome.union_match.status != MATCHED]

    def as_json(self):
        return [outcome.as_json() for outcome in self.outcomes]


def read_files(files):
    """CopySources for files: CopySource objects, uploads, or open files with a name."""
    sources = []
    for item in files:
        if isinstance(item, CopySource):
            sources.append(item)
        elif hasattr(item, "size"):
            sources.append(read_uploaded_file(item))
        else:
            sources.append(read_source(item.name, item.read()))
    if not sources:
        raise CopyImportError(_("Choose at least one file to import."))
    return sources


def default_fallback_union():
    """The union for stories that name none: the top of the tree, when there is one top."""
    roots = list(Union.objects.roots()[:2])
    return roots[0] if len(roots) == 1 else None


@transaction.atomic
def import_copy(
    *,
    files,
    user,
    dry_run=False,
    normalise_punctuation=True,
    fallback_union=None,
    may_start_columns=None,
):
    """Read files and create a draft story, owned by user, for each story in them.

    Every file is read and parsed before anything is written, and everything is written in one
    transaction: a bad file raises a CopyImportError and nothing is imported. Stories imported
    before are reported as EXISTS and not created again. Stories whose union is unknown are
    filed under fallback_union (by default the top of the union tree). A column the copy names
    that does not exist is created when may_start_columns, by default when the user may add
    columns; otherwise the story is imported without it. With dry_run nothing is written and
    the report says what would be done.
    """
    sources = read_files(files)
    summaries, parsed = [], []
    for source in sources:
        text = normalise(source.text) if normalise_punctuation else source.text
        page = parse_page(text)
        if not page.stories:
            raise NoStoryFoundError(source_name=source.name)
        summaries.append(SourceSummary(source, len(page.stories), page.leftovers))
        parsed.extend((source.name, story) for story in page.stories)

    matcher = UnionMatcher()
    outcomes = []
    for name, story in parsed:
        match = matcher.match(label=story.union_label, text=story.text)
        outcomes.append(
            StoryOutcome(
                source_name=name,
                story=story,
                union_match=match,
                filed_under=match.union,
                fingerprint=story_fingerprint(story),
            )
        )
    _mark_duplicates(outcomes)
    if may_start_columns is None:
        may_start_columns = user is not None and user.has_perm(ADD_COLUMN_PERMISSION)
    _mark_columns(outcomes, may_start_columns=may_start_columns)
    report = ImportReport(dry_run=dry_run, sources=summaries, outcomes=outcomes)
    if report.without_union:
        report.fallback_union = fallback_union or default_fallback_union()
        for outcome in report.without_union:
            outcome.filed_under = report.fallback_union
    if dry_run:
        return report
    if report.without_union and report.fallback_union is None:
        raise NoUnionError(params={"headline": report.without_union[0].story.headline})
    try:
        with transaction.atomic():
            _create_stories(report.to_create, user=user)
    except IntegrityError as error:
        # Only the fingerprint is unique among what we write: somebody else imported the same
        # copy between our duplicate check and our insert.
        raise ConcurrentImportError() from error
    return report


def _mark_duplicates(outcomes):
    existing = {
        record.fingerprint: record.article
        for record in ImportedStory.objects.filter(
            fingerprint__in=[outcome.fingerprint for outcome in outcomes]
        ).select_related("article")
    }
    seen = set()
    for outcome in outcomes:
        if outcome.fingerprint in existing:
            outcome.status, outcome.article = EXISTS, existing[outcome.fingerprint]
        elif outcome.fingerprint in seen:
            outcome.status = REPEATED
        seen.add(outcome.fingerprint)


def _mark_columns(outcomes, *, may_start_columns):
    """Columns are the desk's own series: only those who may add columns start one."""
    names = {_column_name(outcome.story.column) for outcome in outcomes if outcome.story.column}
    existing = set(Column.objects.filter(name__in=names).values_list("name", flat=True))
    for outcome in outcomes:
        if outcome.story.column:
            if _column_name(outcome.story.column) in existing:
                outcome.column_status = COLUMN_EXISTS
            else:
                outcome.column_status = COLUMN_NEW if may_start_columns else COLUMN_LEFT_OUT


def _create_stories(outcomes, *, user):
    owner = user if user is not None and user.is_authenticated else None
    columns = {}
    for outcome in outcomes:
        story = outcome.story
        column = None
        if outcome.column_status in {COLUMN_EXISTS, COLUMN_NEW}:
            if story.column not in columns:
                columns[story.column] = _column_named(story.column)
            column = columns[story.column]
        # Filed as every draft is filed: first revision, bylines, the "created" event.
        article = file_draft(
            actor=owner,
            bylines=[(role, name[:40]) for name, role in story.bylines],
            comment=gettext("Imported from %(name)s") % {"name": outcome.source_name},
            kicker=story.kicker[:120],
            headline=story.headline[:120],
            subheadline=story.subheadline[:160],
            union=outcome.filed_under,
            column=column,
            genre=story.genre,
            is_staff_report=story.staff_report,
            body=serialize(story.body),
        )
        ImportedStory.objects.create(
            article=article,
            fingerprint=outcome.fingerprint,
            source_name=outcome.source_name[:255],
            imported_by=owner,
        )
        outcome.status, outcome.article = CREATED, article


def _column_name(name):
    return name[: Column._meta.get_field("name").max_length]


def _column_named(name):
    """The column called name, created when missing (unions, by contrast, never are)."""
    name = _column_name(name)
    column = Column.objects.filter(name=name).first()
    if column is not None:
        return column
    base = slugify(name, allow_unicode=True)[:70] or "column"
    slug, number = base, 1
    while Column.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Column.objects.create(name=name, slug=slug)
