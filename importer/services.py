"""Import copy: files in, draft stories out, whole or not at all.

Reading is split from writing: `parse_copy` reads and parses files once (the admin keeps the
result in an ImportBatch row), `plan_import` says what would become of each story (its union,
whether it exists already or looks like an existing one, its column), and `create_drafts`
writes. `import_copy` does all three for the command and the tests.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.body import serialize
from articles.models import Article, Column
from editorial.services import file_draft
from importer.exceptions import (
    ConcurrentImportError,
    CopyImportError,
    NoStoryFoundError,
    NoUnionError,
    TooManyStoriesError,
    UploadTooLargeError,
)
from importer.fingerprints import story_fingerprint
from importer.models import ImportedStory
from importer.parser import DRAFTED_HEADLINE, PHOTO_PLACEHOLDER, parse_page
from importer.punctuation import normalise
from importer.sources import CopySource, read_source, read_uploaded_file
from importer.stories import story_as_json
from importer.traditional import is_traditional, to_simplified
from importer.union_matching import MATCHED, UnionMatcher
from unions.models import Union

ADD_COLUMN_PERMISSION = "articles.add_column"
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_STORIES = 300
# How alike two stories' text must be (difflib's ratio) to show the new one as "similar to".
SIMILARITY_THRESHOLD = 0.8
# Existing stories compared with each imported one: those sharing its headline or a passage.
_PASSAGE_LENGTH = 16

# What becomes of the column a story names.
COLUMN_EXISTS = "exists"
COLUMN_NEW = "new"  # created with the story
COLUMN_LEFT_OUT = "left_out"  # unknown, and the importing user may not start columns

CREATED = "created"
WOULD_CREATE = "would_create"
EXISTS = "exists"  # imported before
REPEATED = "repeated"  # the same story earlier in this import
SIMILAR = "similar"  # like an existing story: imported only if the editor ticks it
LEFT_OUT = "left_out"  # the editor unticked it

_WHITESPACE = re.compile(r"\s+")


def max_request_bytes():
    return getattr(settings, "IMPORT_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)


def max_stories():
    return getattr(settings, "IMPORT_MAX_STORIES", DEFAULT_MAX_STORIES)


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
    similar_to: Article | None = None  # an existing story this one is very like
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

    @property
    def warnings(self):
        """What the editor should look at before importing this story, for people."""
        warnings = []
        match = self.union_match
        if match.status != MATCHED:
            if match.printed_name:
                warnings.append(
                    gettext("“%(name)s” is not a union we know: choose the union.")
                    % {"name": match.printed_name}
                )
            else:
                warnings.append(gettext("It names no union we know: choose the union."))
        if DRAFTED_HEADLINE in self.story.warnings:
            warnings.append(
                gettext("A brief: its headline was drafted from its first clause; write one.")
            )
        if PHOTO_PLACEHOLDER in self.story.warnings:
            warnings.append(gettext("The copy marks a picture that is not in the file."))
        if self.story.photos:
            warnings.append(
                ngettext(
                    "%(count)d picture was left behind: add it to the story.",
                    "%(count)d pictures were left behind: add them to the story.",
                    len(self.story.photos),
                )
                % {"count": len(self.story.photos)}
            )
        if self.similar_to is not None:
            warnings.append(
                gettext("Similar to 《%(headline)s》: imported only if ticked.")
                % {"headline": self.similar_to.headline}
            )
        return warnings

    def as_json(self):
        return story_as_json(self.story, union=self.union_name)


@dataclass
class SourceSummary:
    source: CopySource
    story_count: int
    leftovers: list = field(default_factory=list)
    converted_from_traditional: bool = False
    # Lines of the page's masthead (date, 第N版, 责任编辑): read, not stories.
    masthead: list = field(default_factory=list)


@dataclass
class ParsedCopy:
    """Files read and parsed: (source name, ParsedStory) pairs, and what belongs to no story."""

    summaries: list
    stories: list


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
    def similar(self):
        return [outcome for outcome in self.outcomes if outcome.status == SIMILAR]

    @property
    def without_union(self):
        return [outcome for outcome in self.to_create if outcome.filed_under is None]

    @property
    def leftovers(self):
        return [text for summary in self.sources for text in summary.leftovers]

    @property
    def warnings(self):
        """Every warning of the import, for people: the files', then each story's."""
        warnings = [warning for summary in self.sources for warning in file_warnings(summary)]
        for outcome in self.outcomes:
            for warning in outcome.warnings:
                warnings.append(f"《{outcome.story.headline}》: {warning}")
        return warnings

    def as_json(self):
        return {
            "stories": [outcome.as_json() for outcome in self.outcomes],
            "leftover": self.leftovers,
            "warnings": self.warnings,
        }


def file_warnings(summary):
    warnings = []
    if summary.converted_from_traditional:
        warnings.append(
            gettext("%(name)s is in Traditional Chinese and was read as Simplified.")
            % {"name": summary.source.name}
        )
    for line in summary.masthead:
        warnings.append(
            gettext("%(name)s: the masthead “%(line)s” was read as no story.")
            % {"name": summary.source.name, "line": line}
        )
    if summary.leftovers:
        warnings.append(
            ngettext(
                "%(name)s: %(count)d line belongs to no story and will not be imported.",
                "%(name)s: %(count)d lines belong to no story and will not be imported.",
                len(summary.leftovers),
            )
            % {"name": summary.source.name, "count": len(summary.leftovers)}
        )
    return warnings


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
    check_request_size(sum(len(source.text.encode("utf-8")) for source in sources))
    return sources


def check_request_size(size):
    """One import reads at most max_request_bytes of text, whatever the number of files."""
    limit = max_request_bytes()
    if size > limit:
        raise UploadTooLargeError(
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def parse_copy(sources, *, normalise_punctuation=True, convert_traditional=True, progress=None):
    """Parse every source once; a file with no story, or too many stories in all, is refused.

    progress, when given, is called after each file with (files parsed, stories found so far).
    """
    summaries, stories = [], []
    for source in sources:
        summary, found = parse_source(
            source,
            normalise_punctuation=normalise_punctuation,
            convert_traditional=convert_traditional,
        )
        summaries.append(summary)
        stories.extend(found)
        if progress is not None:
            progress(len(summaries), len(stories))
    check_story_count(len(stories))
    return ParsedCopy(summaries=summaries, stories=stories)


def parse_source(source, *, normalise_punctuation=True, convert_traditional=True):
    """One file's SourceSummary and (source name, ParsedStory) pairs; NoStoryFoundError if none."""
    text = source.text
    converted = convert_traditional and is_traditional(text)
    if converted:
        text = to_simplified(text)
    if normalise_punctuation:
        text = normalise(text)
    page = parse_page(text)
    if not page.stories:
        raise NoStoryFoundError(source_name=source.name)
    summary = SourceSummary(source, len(page.stories), page.leftovers, converted, page.masthead)
    return summary, [(source.name, story) for story in page.stories]


def check_story_count(count):
    limit = max_stories()
    if count > limit:
        raise TooManyStoriesError(params={"count": count, "limit": limit})


def importing_users_union(user):
    """The union a desk user works for: that of the last story they filed, if any. Never the
    top of the tree by default: a story filed there by mistake is news for the whole province."""
    if user is None or not user.is_authenticated:
        return None
    article = Article.objects.filter(created_by=user).order_by("-created_at", "-pk").first()
    return article.union if article is not None else None


def plan_import(parsed, *, user, may_start_columns=None, fallback_union=None, choices=None):
    """What would become of each parsed story: an ImportReport without writing anything.

    choices maps a story's index to {"union": Union or None, "include": bool}: the editor's
    picks in the preview. A story whose union is unknown takes its chosen union, or
    fallback_union; a story like an existing one is imported only when included.
    """
    choices = choices or {}
    matcher = UnionMatcher()
    outcomes = []
    for name, story in parsed.stories:
        match = matcher.match(label=story.union_label, text=story.text, hint=story.union_hint)
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
    _mark_similar(outcomes)
    if may_start_columns is None:
        may_start_columns = user is not None and user.has_perm(ADD_COLUMN_PERMISSION)
    _mark_columns(outcomes, may_start_columns=may_start_columns)
    for index, outcome in enumerate(outcomes):
        choice = choices.get(index, {})
        if choice.get("union") is not None:
            outcome.filed_under = choice["union"]
        elif outcome.filed_under is None:
            outcome.filed_under = fallback_union
        if outcome.status == SIMILAR and choice.get("include"):
            outcome.status = WOULD_CREATE
        elif outcome.status == WOULD_CREATE and choice.get("include") is False:
            outcome.status = LEFT_OUT
    return ImportReport(
        dry_run=True, sources=parsed.summaries, outcomes=outcomes, fallback_union=fallback_union
    )


@transaction.atomic
def import_copy(
    *,
    files,
    user,
    dry_run=False,
    normalise_punctuation=True,
    convert_traditional=True,
    fallback_union=None,
    may_start_columns=None,
    include_similar=False,
    progress=None,
):
    """Read files and create a draft story, owned by user, for each story in them.

    Every file is read and parsed before anything is written, and everything is written in one
    transaction: a bad file raises a CopyImportError and nothing is imported. Stories imported
    before are reported as EXISTS and not created again; stories very like an existing one only
    with include_similar. Stories whose union is unknown are filed under fallback_union; without
    one nothing is imported (NoUnionError). With dry_run nothing is written and the report says
    what would be done. progress, when given, has parsed(files, stories) and
    created(count, total), called as the work goes (the command's progress bar).
    """
    parsed = parse_copy(
        read_files(files),
        normalise_punctuation=normalise_punctuation,
        convert_traditional=convert_traditional,
        progress=progress.parsed if progress is not None else None,
    )
    choices = {}
    if include_similar:
        choices = {index: {"include": True} for index in range(len(parsed.stories))}
    report = plan_import(
        parsed,
        user=user,
        may_start_columns=may_start_columns,
        fallback_union=fallback_union,
        choices=choices,
    )
    report.dry_run = dry_run
    if not dry_run:
        create_drafts(
            report, user=user, progress=progress.created if progress is not None else None
        )
    return report


def create_drafts(report, *, user, progress=None):
    """Write the drafts report plans; nothing at all when a story to create has no union.

    progress, when given, is called after each draft with (created so far, drafts to create).
    """
    check_unions(report)
    try:
        with transaction.atomic():
            _create_stories(report.to_create, user=user, progress=progress)
    except IntegrityError as error:
        # Only the fingerprint is unique among what we write: somebody else imported the same
        # copy between our duplicate check and our insert.
        raise ConcurrentImportError() from error
    report.dry_run = False
    return report


def check_unions(report):
    """Every story to create needs a union (unknown unions are never created)."""
    if report.without_union:
        raise NoUnionError(params={"headline": report.without_union[0].story.headline})


def create_draft(outcome, *, user, columns=None):
    """File one planned story as a draft (the import task's unit of work), in a transaction.

    columns caches columns by name across calls. Raises ConcurrentImportError when the same
    copy was imported meanwhile.
    """
    try:
        with transaction.atomic():
            _create_stories([outcome], user=user, columns=columns)
    except IntegrityError as error:
        raise ConcurrentImportError() from error
    return outcome.article


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


def _comparable(text):
    return _WHITESPACE.sub("", normalise(text))


def _passages(outcome):
    """Headline and two passages of the story's text to find candidates by, in one query."""
    text = "".join(block.text for block in outcome.story.body)
    middle = max(0, len(text) // 2 - _PASSAGE_LENGTH // 2)
    return [
        passage
        for passage in (text[:_PASSAGE_LENGTH], text[middle : middle + _PASSAGE_LENGTH])
        if len(passage) == _PASSAGE_LENGTH
    ]


def _mark_similar(outcomes):
    """A story that differs from an existing one by a few words is SIMILAR to it."""
    new = [outcome for outcome in outcomes if outcome.status == WOULD_CREATE]
    conditions = [
        Q(headline=outcome.story.headline)
        | reduce(or_, [Q(body__contains=p) for p in _passages(outcome)], Q(pk__in=[]))
        for outcome in new
    ]
    if not conditions:
        return
    candidates = list(
        Article.objects.filter(reduce(or_, conditions)).only("pk", "headline", "body")[:200]
    )
    for outcome in new:
        text = _comparable(serialize(outcome.story.body))
        best, best_ratio = None, 0.0
        for article in candidates:
            matcher = difflib.SequenceMatcher(None, text, _comparable(article.body), autojunk=False)
            if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILARITY_THRESHOLD and ratio > best_ratio:
                best, best_ratio = article, ratio
        if best is not None:
            outcome.status, outcome.similar_to = SIMILAR, best


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


def _create_stories(outcomes, *, user, columns=None, progress=None):
    owner = user if user is not None and user.is_authenticated else None
    columns = {} if columns is None else columns
    for done, outcome in enumerate(outcomes, start=1):
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
            dateline=story.dateline[:40],
            editors_note=story.editors_note,
            body=serialize(story.body),
        )
        ImportedStory.objects.create(
            article=article,
            fingerprint=outcome.fingerprint,
            source_name=outcome.source_name[:255],
            imported_by=owner,
        )
        outcome.status, outcome.article = CREATED, article
        if progress is not None:
            progress(done, len(outcomes))


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
