"""Read replicas: the public site reads from them, the desk and every write use the primary.

DATABASE_REPLICA_URLS names the replicas (settings.py makes them the aliases replica1,
replica2 …). PublicReadsMiddleware marks the requests a replica may answer: GET and HEAD of
public pages by a reader without a session cookie. Everything else (the desk under /admin/ and
/editorial/, a logged-in editor looking at the site right after publishing, every write, any
read inside a transaction) goes to the primary, so nobody reads their own change from a
replica that has not caught up yet.
"""

import random
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_public_read = ContextVar("public_read", default=False)
DESK_PREFIXES = ("/admin/", "/editorial/")


def replica_aliases():
    return getattr(settings, "DATABASE_REPLICAS", [])


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or not _public_read.get():
            return None  # the primary
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db not in replica_aliases()


@contextmanager
def primary_reads():
    """Reads inside go to the primary, even while a reader's page is being served.

    For what is built once per change and then kept under that change's token (news.cache's
    fragments, the union directory, story cards): built from a replica that has not caught up
    with the change yet, it would be kept as current until the next change.
    """
    token = _public_read.set(False)
    try:
        yield
    finally:
        _public_read.reset(token)


def is_public_read(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(DESK_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PublicReadsMiddleware:
    """Lets the router send this request's reads to a replica when it is a public read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(bool(replica_aliases()) and is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
