import shutil

import pytest

from newsroom import resilient_cache as backend
from tests.editorial.conftest import editor, login, reporter, story  # noqa: F401
from tests.faults.servers import RedisServer

# Nothing listens here (the drills' servers take 9540 and up).
DEAD_REDIS = "redis://127.0.0.1:9539/0"


def resilient_cache(url):
    backend._outages.clear()  # each test starts with no outage remembered
    return {
        "default": {
            "BACKEND": "newsroom.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            # Tests try Redis again at once instead of leaving it alone for a second.
            "OPTIONS": {"RETRY_SECONDS": 0, "socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def dead_cache(settings):
    """CACHE_URL names a Redis that is not running: every cache call fails to connect."""
    settings.CACHES = resilient_cache(DEAD_REDIS)


@pytest.fixture
def redis_server(tmp_path, settings):
    """A Redis of our own, used as the site's cache, that the test may stop and restart."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path).start()
    settings.CACHES = resilient_cache(server.url)
    yield server
    server.stop()


def pytest_collection_modifyitems(config, items):
    """Drills start real servers against the test database: only PostgreSQL's is reachable from
    another process (SQLite's is in memory), and CI runs the suite on both, so they run once."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="drill: runs on PostgreSQL (once in CI)")
    for item in items:
        if item.get_closest_marker("drill"):
            item.add_marker(skip)
