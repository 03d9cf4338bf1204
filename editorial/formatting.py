"""How the desk names people, times and statuses in messages, pages and emails."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def display_name(user):
    if user is None:
        return _("a former user")
    return user.get_full_name() or user.get_username()


def local_time(value):
    """A time as the desk reads it: in Asia/Shanghai (the site's zone), e.g. 2026年11月2日 09:00."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def zone_name():
    """The zone the desk's times are in, said on every form that asks for a time."""
    return _("Beijing time (%(zone)s)") % {"zone": timezone.get_current_timezone_name()}


def changed_since_opened(change):
    """Who changed the story after the user opened it, and when (change: a LastChange or None)."""
    if change is None:
        return _("Someone else changed this story after you opened it.")
    return _("%(user)s changed this story at %(time)s, after you opened it.") % {
        "user": display_name(change.user),
        "time": local_time(change.at),
    }
