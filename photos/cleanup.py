"""Keeps storage in step with the database: no file outlives its photo, none is left half-saved.

Files are written before their transaction commits (Django stores an upload when its row is
saved). If the transaction then fails, the rows vanish but the files would stay: every file a
photo writes is noted, and the notes of a request that ends in an error are deleted. A note is
dropped once its transaction commits. Code outside a request (a management command, say) gets
the same with `files_discarded_on_error()`.

Deleting files waits for the commit, so a rolled-back delete never loses a photo's files.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)

_written = ContextVar("photos_written_files", default=None)


def note_written(storage, name):
    """Remember a file just written, until its transaction commits."""
    written = _written.get()
    if written is None or not name:
        return
    entry = (storage, name)
    written.append(entry)
    transaction.on_commit(partial(_forget, written, entry))


def _forget(written, entry):
    if entry in written:
        written.remove(entry)


def discard_written():
    """Delete the files written since the scope began whose transaction never committed."""
    written = _written.get()
    if not written:
        return
    for storage, name in list(written):
        delete_quietly(storage, name)
    written.clear()


@contextmanager
def files_discarded_on_error():
    """Within the block, files photos write are deleted again if the block raises.

    Inside a scope already open (a task run at once within a request), the outer scope keeps
    the notes, so its transaction's failure deletes these files too.
    """
    if _written.get() is not None:
        yield
        return
    token = _written.set([])
    try:
        yield
    except BaseException:
        discard_written()
        raise
    finally:
        _written.reset(token)


def begin_request(**kwargs):
    """request_started receiver: each request notes its own files."""
    _written.set([])


def request_failed(**kwargs):
    """got_request_exception receiver: the view's transaction was rolled back."""
    discard_written()


def delete_after_commit(storage, names):
    """Delete files once the current transaction commits (at once outside a transaction)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(partial(_delete_all, storage, names))


def _delete_all(storage, names):
    for name in names:
        delete_quietly(storage, name)


def delete_quietly(storage, name):
    """Delete a stored file; a failure is logged, since the database change already stands."""
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Could not delete the stored file %s", name)
