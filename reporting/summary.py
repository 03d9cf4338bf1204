"""The statistics' per-day summary (DailyTally): what each union and correspondent did each day.

The statistics page adds up these rows instead of joining stories, filings, photos, adoptions
and 头条 over a whole year (the joins took ~0.4 s of SQL at 100k stories; the summary ~30 ms).
Its rows are worked out from the source tables by one function, `_tallies()`, for some days or
for all of them, so a refreshed day is always what a rebuild would give:

- filed: filings by the day they came in, their union and correspondent;
- used, photos: stories whose status is published (a scheduled one too: the statistics take
  the stories whose time has not come off again, `figures._scheduled`), on their publication
  day, by union, genre and the correspondent whose filing they were;
- adoptions per outlet level and 头条: on their own date, credited as their story is.

A change refreshes the days it touches, after its commit (`reporting.listeners`): every day a
story was ever published on (its steps' events keep each publication time it had), its
adoptions' and 头条 days, a filing's day. Each refresh locks its days (SummarizedDay rows), so
two refreshes of one day follow each other and the later one reads what the first committed.
Writes that bypass the models (bulk_create, QuerySet.update: the benchmark, the demo's
backdating) are followed by `python manage.py rebuild_statistics`.
"""

import datetime
import logging
from collections import defaultdict
from types import SimpleNamespace

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from editorial.models import ArticleEvent

logger = logging.getLogger(__name__)

LEVEL_FIELDS = {
    "national": "adopted_national",
    "provincial": "adopted_provincial",
    "city": "adopted_city",
}
COUNTED = ["filed", "used", "photos", "headlines", *LEVEL_FIELDS.values()]
BATCH = 2000


def _models(apps=None):
    """The models the summary reads and writes: the current ones, or a migration's."""
    apps = apps or global_apps
    return SimpleNamespace(
        Article=apps.get_model("articles", "Article"),
        Filing=apps.get_model("correspondents", "Filing"),
        Photo=apps.get_model("photos", "Photo"),
        Adoption=apps.get_model("reporting", "Adoption"),
        FrontPageLead=apps.get_model("reporting", "FrontPageLead"),
        DailyTally=apps.get_model("reporting", "DailyTally"),
        SummarizedDay=apps.get_model("reporting", "SummarizedDay"),
    )


def _midnight(day):
    tz = timezone.get_default_timezone()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), tz)


def _day_ranges(days):
    """Consecutive days joined into [first, last] ranges, so a long refresh stays one filter."""
    ranges = []
    for day in sorted(days):
        if ranges and day == ranges[-1][1] + datetime.timedelta(days=1):
            ranges[-1][1] = day
        else:
            ranges.append([day, day])
    return ranges


def _on_days(field, days, *, is_date):
    """A condition: field (a date, or a time read in Beijing time) falls on one of days."""
    if days is None:
        return Q()
    condition = Q(pk__in=[])
    for first, last in _day_ranges(days):
        if is_date:
            condition |= Q(**{f"{field}__gte": first, f"{field}__lte": last})
        else:
            condition |= Q(
                **{
                    f"{field}__gte": _midnight(first),
                    f"{field}__lt": _midnight(last + datetime.timedelta(days=1)),
                }
            )
    return condition


def _tallies(m, days=None):
    """{(day, union id, correspondent id or None, genre): {counted field: n}} for days (or all).

    The one definition of what the summary holds; five grouped queries over the sources.
    """
    tz = timezone.get_default_timezone()
    found = defaultdict(lambda: dict.fromkeys(COUNTED, 0))

    def add(rows, counted):
        for day, union_id, correspondent_id, genre, *numbers in rows:
            if isinstance(counted, str):
                found[(day, union_id, correspondent_id, genre)][counted] += numbers[0]
            else:
                counted(found[(day, union_id, correspondent_id, genre)], *numbers)

    published = m.Article.objects.filter(status="published")
    add(
        m.Filing.objects.filter(_on_days("submitted_at", days, is_date=False))
        .annotate(day=TruncDate("submitted_at", tzinfo=tz))
        .order_by()
        .values_list("day", "union", "correspondent", "genre")
        .annotate(n=Count("pk")),
        "filed",
    )
    add(
        published.filter(_on_days("publish_at", days, is_date=False))
        .annotate(day=TruncDate("publish_at", tzinfo=tz))
        .order_by()
        .values_list("day", "union", "filing__correspondent", "genre")
        .annotate(n=Count("pk")),
        "used",
    )
    add(
        m.Photo.objects.filter(article__status="published")
        .filter(_on_days("article__publish_at", days, is_date=False))
        .annotate(day=TruncDate("article__publish_at", tzinfo=tz))
        .order_by()
        .values_list("day", "article__union", "article__filing__correspondent", "article__genre")
        .annotate(n=Count("pk")),
        "photos",
    )
    add(
        m.FrontPageLead.objects.filter(_on_days("date", days, is_date=True))
        .order_by()
        .values_list("date", "article__union", "article__filing__correspondent", "article__genre")
        .annotate(n=Count("pk")),
        "headlines",
    )

    def adopted(tally, level, count):
        tally[LEVEL_FIELDS[level]] += count

    add(
        m.Adoption.objects.filter(_on_days("date", days, is_date=True))
        .order_by()
        .values_list(
            "date",
            "article__union",
            "article__filing__correspondent",
            "article__genre",
            "outlet__level",
        )
        .annotate(n=Count("pk")),
        adopted,
    )
    return found


def _rows(m, found):
    for (day, union_id, correspondent_id, genre), counts in found.items():
        if any(counts.values()):
            yield m.DailyTally(
                day=day,
                union_id=union_id,
                correspondent_id=correspondent_id,
                genre=genre,
                **counts,
            )


def refresh_days(days, *, apps=None):
    """Works the given days out again from the sources, locked against another refresh."""
    days = {day for day in days if day is not None}
    if not days:
        return
    m = _models(apps)
    with transaction.atomic():
        m.SummarizedDay.objects.bulk_create(
            [m.SummarizedDay(day=day) for day in days], ignore_conflicts=True
        )
        # Locked in order, so two refreshes of overlapping days cannot wait on each other.
        list(m.SummarizedDay.objects.select_for_update().filter(day__in=days).order_by("day"))
        m.DailyTally.objects.filter(day__in=days).delete()
        m.DailyTally.objects.bulk_create(_rows(m, _tallies(m, days)), batch_size=BATCH)
        m.SummarizedDay.objects.filter(day__in=days).update(refreshed_at=timezone.now())


def rebuild(*, apps=None):
    """The whole summary worked out again (after bulk writes); returns the number of rows."""
    m = _models(apps)
    with transaction.atomic():
        found = _tallies(m)
        days = {key[0] for key in found}
        m.SummarizedDay.objects.select_for_update().all().delete()
        m.SummarizedDay.objects.bulk_create(
            [m.SummarizedDay(day=day) for day in days], batch_size=BATCH
        )
        m.DailyTally.objects.all().delete()
        rows = list(_rows(m, found))
        m.DailyTally.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def story_days(article_id, *, publish_at=None):
    """Every day a story may be counted on: each publication time it had, its adoptions, 头条."""
    m = _models()
    times = set(
        ArticleEvent.objects.filter(article_id=article_id, publish_at__isnull=False).values_list(
            "publish_at", flat=True
        )
    )
    current = m.Article.objects.filter(pk=article_id).values_list("publish_at", flat=True).first()
    times |= {time for time in (current, publish_at) if time is not None}
    days = {local_day(time) for time in times}
    days |= set(m.Adoption.objects.filter(article_id=article_id).values_list("date", flat=True))
    days |= set(
        m.FrontPageLead.objects.filter(article_id=article_id).values_list("date", flat=True)
    )
    return days


def local_day(time):
    """The day a time falls on in Beijing time (None stays None)."""
    return (
        None if time is None else timezone.localtime(time, timezone.get_default_timezone()).date()
    )


def refresh_story(article_id):
    refresh_days(story_days(article_id))


def after_commit(days_or_callable):
    """Refreshes after the current transaction commits (at once outside one); a failure is
    logged, never turned into an error page: `rebuild_statistics` puts the summary right."""

    def run():
        try:
            days = days_or_callable() if callable(days_or_callable) else days_or_callable
            refresh_days(days)
        except Exception:
            logger.exception("Could not refresh the statistics summary")

    transaction.on_commit(run)
