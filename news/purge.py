"""Telling a reverse proxy or CDN which pages changed, after each change to the public site.

NEWS_PURGE_URL is a URL template with ``{path}``, e.g. ``http://127.0.0.1:8080/purge{path}``:
each changed path gets a PURGE request there (nginx with ngx_cache_purge, Varnish, most CDNs'
purge endpoints). NEWS_PURGE_COMMAND is a command line that gets the changed paths as its
arguments (a CDN's command-line client, say). Either runs as a background task, so that no
editor waits for the proxy; a failure is logged and never undoes the publication.
"""

import logging
import shlex
import subprocess
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django_tasks import task

logger = logging.getLogger(__name__)

PURGE_TIMEOUT_SECONDS = 5
COMMAND_TIMEOUT_SECONDS = 60


def purge_configured():
    url = settings.NEWS_PURGE_URL
    return bool(url or settings.NEWS_PURGE_COMMAND)


def purge_paths(paths):
    """Queue the purge of these paths, when a purge hook is configured."""
    if purge_configured() and paths:
        purge_task.enqueue(list(paths))


@task()
def purge_task(paths):
    """Send the changed paths to the configured purge URL and/or command; returns what was sent."""
    sent = []
    url_template = settings.NEWS_PURGE_URL
    if url_template:
        for path in paths:
            url = url_template.format(path=iri_to_uri(path))
            request = urllib.request.Request(url, method="PURGE")
            try:
                with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):
                    pass
            except urllib.error.HTTPError as error:
                # nginx answers 404 for a page it did not hold: nothing to purge.
                if error.code != 404:
                    logger.warning("Purging %s failed: HTTP %s", url, error.code)
            except OSError as error:
                logger.warning("Purging %s failed: %s", url, error)
            sent.append(url)
    command = settings.NEWS_PURGE_COMMAND
    if command:
        try:
            subprocess.run(
                [*shlex.split(command), *paths],
                check=True,
                timeout=COMMAND_TIMEOUT_SECONDS,
                capture_output=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("Purge command %r failed: %s", command, error)
        sent.append(command)
    return sent
