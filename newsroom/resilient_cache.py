"""A Redis cache that the site survives losing.

The cache is an optimisation. When Redis is down, restarting or unreachable, Django's own
RedisCache raises on every call, so every cached public page answered 500 and an editor's
withdrawal failed with it. This backend turns a lost connection into what a cold cache would
answer: reads miss, writes do nothing, `incr` finds no key. Pages are then rendered from the
database and workflow steps commit as usual.

An outage is logged once when it starts and once when it ends, not on every request. After a
failure the backend leaves Redis alone for RETRY_SECONDS, so that a request in an outage costs
no connection attempt (and a firewalled address no connect timeout) per cache call.

The first successful call after an outage sends `cache_reconnected`: whatever was invalidated
while the cache could not be written (news/cache.py bumps its page generation) is invalidated
again, so no page cached before the outage is served once Redis is back.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Sent with backend=<the cache backend> by the first call that succeeds after an outage.
cache_reconnected = Signal()

# Errors that mean "Redis is not there right now" (refused, reset, timed out, still loading
# its data after a restart). Anything else is a programming error and still raises.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
DEFAULT_RETRY_SECONDS = 1.0


class _Outage:
    """One server list's health, shared by every thread of the process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.next_attempt = 0.0
        self.failed_calls = 0


_outages = {}
_outages_lock = threading.Lock()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


def _guarded(fallback):
    """Run a cache method, answering `fallback(*args)` while Redis is unreachable."""

    def decorator(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            outage = self._outage
            if outage.down_since is not None and time.monotonic() < outage.next_attempt:
                outage.failed_calls += 1
                return fallback(*args, **kwargs)
            try:
                if outage.down_since is not None:
                    # Back? Then catch up on missed invalidations before this call reads
                    # anything they would have changed.
                    self._cache.get_client(write=True).ping()
                    self._came_back()
                return method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                self._went_down(error)
                return fallback(*args, **kwargs)

        return guarded

    return decorator


def _miss(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _no_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found: the cache is unavailable")


def _no_keys(*args, **kwargs):
    return {}


def _none_stored(data, *args, **kwargs):
    return list(data)


class _OneClientPerPool(RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool.

    Django builds a new redis.Redis on every cache call, and each build fills its table of
    response callbacks: about a tenth of a millisecond, five to ten times on an uncached
    public page. The client is only a handle on its pool, and redis-py shares it between
    threads safely.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering like an empty cache while Redis cannot be reached.

    OPTIONS may hold RETRY_SECONDS (how long to leave Redis alone after a failure, default 1);
    the other options go to redis-py as usual (socket_timeout, socket_connect_timeout …).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", DEFAULT_RETRY_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _OneClientPerPool  # RedisCache.__init__ sets its own client class
        self._outage = _outage_for(tuple(self._servers))

    def _went_down(self, error):
        outage = self._outage
        with outage.lock:
            outage.next_attempt = time.monotonic() + self.retry_seconds
            outage.failed_calls += 1
            if outage.down_since is not None:
                return
            outage.down_since = time.monotonic()
        logger.error(
            "Cache unavailable (%s: %s): pages are served uncached until it is back",
            type(error).__name__,
            error,
        )

    def _came_back(self):
        outage = self._outage
        with outage.lock:
            if outage.down_since is None:
                return
            seconds = time.monotonic() - outage.down_since
            failed_calls = outage.failed_calls
            outage.down_since = None
            outage.failed_calls = 0
        logger.warning(
            "Cache available again after %.1f s (%d calls answered as misses)",
            seconds,
            failed_calls,
        )
        for receiver, result in cache_reconnected.send_robust(sender=type(self), backend=self):
            if isinstance(result, Exception):
                logger.error("%r failed after the cache came back", receiver, exc_info=result)

    @property
    def is_down(self):
        return self._outage.down_since is not None

    add = _guarded(_false)(RedisCache.add)
    get = _guarded(_miss)(RedisCache.get)
    set = _guarded(_nothing)(RedisCache.set)
    touch = _guarded(_false)(RedisCache.touch)
    delete = _guarded(_false)(RedisCache.delete)
    get_many = _guarded(_no_keys)(RedisCache.get_many)
    has_key = _guarded(_false)(RedisCache.has_key)
    incr = _guarded(_no_key)(RedisCache.incr)
    set_many = _guarded(_none_stored)(RedisCache.set_many)
    delete_many = _guarded(_nothing)(RedisCache.delete_many)
    clear = _guarded(_false)(RedisCache.clear)
