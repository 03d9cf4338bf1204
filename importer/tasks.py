"""Imports in the background: reading twenty large files, or filing three hundred drafts, takes
longer than a request should (one upload once held a worker for a minute and 1.8 GB).

The upload request stores the files and enqueues parse_batch on commit; confirming enqueues
import_batch. Both are idempotent (importer/batches.py says how) and retried through
newsroom/background.py; an attempt that fails says so on the batch's page.
"""

from django_tasks import task

from importer import batches
from importer.models import ImportBatch
from newsroom.background import enqueue_on_commit, retry_on_failure


@task()
def parse_batch(batch_id, attempt=1):
    """Parse the files of batch `batch_id` once; returns the number of stories found."""
    with retry_on_failure(parse_batch, batch_id, attempt=attempt):
        try:
            batch = batches.parse(batch_id)
        except Exception as error:
            batches.record_attempt_failure(
                batch_id, error, attempt=attempt, waiting_state=ImportBatch.State.QUEUED
            )
            raise
        return batch.stories_found if batch is not None else 0


@task()
def import_batch(batch_id, attempt=1):
    """File the confirmed stories of batch `batch_id`; returns how many have a result."""
    with retry_on_failure(import_batch, batch_id, attempt=attempt):
        try:
            batch = batches.import_confirmed(batch_id)
        except Exception as error:
            batches.record_attempt_failure(
                batch_id, error, attempt=attempt, waiting_state=ImportBatch.State.IMPORTING
            )
            raise
        return len(batch.results) if batch is not None else 0


def parse_after_commit(batch):
    enqueue_on_commit(parse_batch, batch.pk)


def import_after_commit(batch):
    enqueue_on_commit(import_batch, batch.pk)
