"""An import's life in an ImportBatch row: the request stores the files, a task parses them once,
the editor picks and confirms, a task files the drafts one by one.

Requests do only what is quick (store files, save picks, mark a batch confirmed); the parse of
twenty large files and the filing of three hundred drafts run in tasks (importer/tasks.py), and
the batch's page shows their progress until they are done.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from editorial.services.checks import TransitionNotAllowed
from importer import services, tasks
from importer.exceptions import CopyImportError, TooManyStoriesError
from importer.models import ImportBatch, ImportFile
from importer.sources import CopySource, read_source
from importer.stories import story_from_data, story_to_data
from newsroom.background import MAX_ATTEMPTS
from unions.models import Union

State = ImportBatch.State

# Batches (and their files) are deleted this long after the upload, whatever became of them.
BATCH_LIFETIME = timedelta(days=1)
# Statuses a confirmed story may have when its draft is filed: the editor ticked it.
_CONFIRMED = {services.WOULD_CREATE, services.SIMILAR, services.LEFT_OUT}


def delete_old_batches():
    """Batches older than BATCH_LIFETIME go, with their files (ImportFile's post_delete)."""
    ImportBatch.objects.filter(created_at__lt=timezone.now() - BATCH_LIFETIME).delete()


@transaction.atomic
def create_batch(*, uploads, user, normalise_punctuation, convert_traditional, fallback_union):
    """Store the uploaded files in a QUEUED batch and have them parsed after the commit."""
    delete_old_batches()
    batch = ImportBatch.objects.create(
        created_by=user,
        normalise_punctuation=normalise_punctuation,
        convert_traditional=convert_traditional,
        fallback_union=fallback_union,
    )
    for position, upload in enumerate(uploads):
        ImportFile.objects.create(
            batch=batch, position=position, name=upload.name[:255], size=upload.size, file=upload
        )
    tasks.parse_after_commit(batch)
    return batch


def parse(batch_id):
    """Read and parse a QUEUED batch's files once and keep the stories found (the task's work).

    Progress (files read, stories found) is saved after each file, for the batch's page. Copy
    the importer refuses (a file it cannot read, one without stories, too many stories) leaves
    the batch FAILED with the reason and its files; trying again would refuse it again.
    Returns the batch, or None when there was nothing to do.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.state not in {State.QUEUED, State.PARSING}:
            return None
        batch.state, batch.files_read, batch.stories_found = State.PARSING, 0, 0
        batch.save(update_fields=["state", "files_read", "stories_found"])
    try:
        parsed, text_bytes = _parse_files(batch)
    except CopyImportError as error:
        _finish(batch, State.FAILED, error=str(error))
        return batch
    batch.sources = [
        {
            "name": summary.source.name,
            "encoding": summary.source.encoding,
            "converted": summary.converted_from_traditional,
            "story_count": summary.story_count,
            "leftovers": list(summary.leftovers),
            "masthead": list(summary.masthead),
        }
        for summary in parsed.summaries
    ]
    batch.stories = [
        {"source": name, "story": story_to_data(story)} for name, story in parsed.stories
    ]
    batch.text_bytes = text_bytes
    batch.stories_found = len(parsed.stories)
    _finish(
        batch,
        State.READY,
        fields=["sources", "stories", "text_bytes", "stories_found"],
        finished=False,
    )
    return batch


def _parse_files(batch):
    """ParsedCopy of the batch's files, read one at a time, and the size of their text."""
    summaries, stories, text_bytes = [], [], 0
    uploads = list(batch.files.all())
    for upload in uploads:
        with upload.file.open("rb") as handle:
            source = read_source(upload.name, handle.read())
        text_bytes += len(source.text.encode("utf-8"))
        services.check_request_size(text_bytes)
        summary, found = services.parse_source(
            source,
            normalise_punctuation=batch.normalise_punctuation,
            convert_traditional=batch.convert_traditional,
        )
        # The text is not kept: the stories are, and the file is there to read again.
        summary.source = CopySource(name=source.name, text="", encoding=source.encoding)
        summaries.append(summary)
        stories.extend(found)
        ImportBatch.objects.filter(pk=batch.pk).update(
            files_read=len(summaries), stories_found=len(stories)
        )
        if len(stories) > services.max_stories() and len(summaries) < len(uploads):
            # Refused whatever the other files hold: they are not read (a minute of a worker
            # for 10 MB of briefs).
            raise TooManyStoriesError(
                TooManyStoriesError.partial_message,
                params={
                    "count": len(stories),
                    "files": len(summaries),
                    "limit": services.max_stories(),
                },
            )
    services.check_story_count(len(stories))
    return services.ParsedCopy(summaries=summaries, stories=stories), text_bytes


def _finish(batch, state, *, error="", fields=(), finished=True):
    batch.state, batch.error = state, error
    update = ["state", "error", *fields]
    if finished:
        batch.finished_at = timezone.now()
        update.append("finished_at")
    batch.save(update_fields=update)


def record_attempt_failure(batch_id, error, *, attempt, waiting_state):
    """An unexpected error in a task: the batch says so, waiting for the next attempt (in
    waiting_state), or FAILED after the last one. The task's own failure is in the admin's
    task results too."""
    if attempt >= MAX_ATTEMPTS:
        state = State.FAILED
        message = gettext("Failed after %(count)d attempts: %(error)s")
    else:
        state = waiting_state
        message = gettext("Attempt %(count)d failed (%(error)s); it is tried again shortly.")
    message %= {"count": attempt, "error": f"{type(error).__name__}: {error}"}
    ImportBatch.objects.filter(pk=batch_id).update(
        state=state, error=message, may_retry=state == State.FAILED
    )


def retry(batch):
    """Start a batch that FAILED on an unexpected error again: its parse when it had not been
    parsed, else its import (which skips the stories filed already)."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.state != State.FAILED or not batch.may_retry:
            return batch
        batch.state = State.IMPORTING if batch.to_import else State.QUEUED
        batch.error, batch.may_retry, batch.finished_at = "", False, None
        batch.save(update_fields=["state", "error", "may_retry", "finished_at"])
        if batch.state == State.IMPORTING:
            tasks.import_after_commit(batch)
        else:
            tasks.parse_after_commit(batch)
    return batch


def parsed_copy(batch):
    """The batch's stories as a services.ParsedCopy, without reading or parsing anything."""
    summaries = [
        services.SourceSummary(
            source=CopySource(name=source["name"], text="", encoding=source["encoding"]),
            story_count=source["story_count"],
            leftovers=source["leftovers"],
            converted_from_traditional=source["converted"],
            masthead=source.get("masthead", []),
        )
        for source in batch.sources
    ]
    stories = [(item["source"], story_from_data(item["story"])) for item in batch.stories]
    return services.ParsedCopy(summaries=summaries, stories=stories)


def choices_of(batch):
    """The editor's picks, with unions as Union rows (one query)."""
    union_pks = {choice.get("union") for choice in batch.choices.values()} - {None}
    unions = Union.objects.in_bulk(union_pks)
    return {
        int(index): {"union": unions.get(choice.get("union")), "include": choice.get("include")}
        for index, choice in batch.choices.items()
    }


def plan(batch, *, user):
    """What the import of the batch would do now, with the editor's picks."""
    return services.plan_import(
        parsed_copy(batch),
        user=user,
        fallback_union=batch.fallback_union,
        choices=choices_of(batch),
    )


def save_choices(batch, picks):
    """Record picks ({index: {"union": pk or None, "include": bool}}) of one preview page."""
    choices = dict(batch.choices)
    for index, pick in picks.items():
        choices[str(index)] = pick
    batch.choices = choices
    batch.save(update_fields=["choices"])


@transaction.atomic
def confirm(batch, *, user):
    """The editor confirms: the ticked stories are filed by the import task after the commit.

    Refuses (NoUnionError) when a ticked story has no union. A batch confirmed already is left
    as it is, so a form sent twice imports once.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != State.READY:
        return batch
    report = plan(batch, user=user)
    services.check_unions(report)
    batch.to_import = [
        index
        for index, outcome in enumerate(report.outcomes)
        if outcome.status == services.WOULD_CREATE
    ]
    batch.results = {}
    batch.state = State.IMPORTING
    batch.save(update_fields=["to_import", "results", "state"])
    tasks.import_after_commit(batch)
    return batch


def import_confirmed(batch_id):
    """File the confirmed stories of an IMPORTING batch as drafts (the task's work).

    Each story is filed in its own transaction together with its result on the batch, so a run
    that stops half-way, or runs twice, files every story once: stories with a result are
    skipped. A story that cannot be filed gets its reason as its result; the others go on.
    Returns the batch, or None when there was nothing to do.
    """
    batch = ImportBatch.objects.filter(pk=batch_id).select_related("created_by").first()
    if batch is None or batch.state != State.IMPORTING:
        return None
    user = batch.created_by
    outcomes = plan(batch, user=user).outcomes
    columns = {}
    for index in batch.to_import:
        key = str(index)
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch_id)
            if locked.state != State.IMPORTING:
                return locked
            if key in locked.results:
                continue
            locked.results[key] = _file_one(outcomes[index], user=user, columns=columns)
            locked.save(update_fields=["results"])
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch_id)
        if locked.state == State.IMPORTING:
            _finish(locked, State.IMPORTED)
    return locked


def _file_one(outcome, *, user, columns):
    """One story's result: {"article": pk} when filed, {"exists": pk} when the same copy is on
    the desk already, {"error": reason} otherwise."""
    if outcome.status == services.EXISTS:
        return {"exists": outcome.article.pk}
    if outcome.status not in _CONFIRMED:
        return {"error": gettext("It repeats an earlier story in this import.")}
    if outcome.filed_under is None:
        return {"error": gettext("It has no union: the union chosen for it was deleted.")}
    outcome.status = services.WOULD_CREATE
    try:
        article = services.create_draft(outcome, user=user, columns=columns)
    except CopyImportError as error:
        return {"error": str(error)}
    except TransitionNotAllowed as refusal:
        return {"error": str(refusal.message)}
    except ValidationError as error:
        return {"error": " ".join(error.messages)}
    return {"article": article.pk}


def progress(batch):
    """(done, total) of the batch's current work, total None when not known yet."""
    if batch.state in {State.QUEUED, State.PARSING}:
        return batch.files_read, len(batch.files.all())
    if batch.state in {State.IMPORTING, State.IMPORTED}:
        return len(batch.results), len(batch.to_import)
    return 0, None
