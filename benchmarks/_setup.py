"""Shared start-up for the benchmark scripts: Django on a throw-away database.

By default each script runs on a fresh SQLite file in a temporary folder; with DATABASE_URL set
it runs on that server, in a test database it creates and drops.
"""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp(prefix='newsroom-bench-')}/bench.sqlite3"
    )

import django  # noqa: E402

django.setup()


@contextmanager
def benchmark_database():
    """A migrated, empty database that is dropped afterwards."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
