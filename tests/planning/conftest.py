import re
from datetime import datetime

from django.utils import timezone

# The desk's people and logged-in clients, as the editorial tests make them.
from tests.editorial.conftest import editor, login, other_reporter, reporter  # noqa: F401


def beijing(*args):
    """An aware time read on a Beijing clock: beijing(2026, 12, 1, 0, 30)."""
    return timezone.make_aware(datetime(*args))


def day_cells(html):
    """{"2026-12-01": the HTML of that day's calendar cell, ...}"""
    return dict(re.findall(r'data-date="(\d{4}-\d\d-\d\d)">(.*?)</td>', html, re.S))
