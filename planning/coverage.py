"""Coverage balance: which city unions, and one level down which county unions, had no
published story lately, and how many each had this month against last.

A union's count includes its sub-unions' stories (as its page on the site does). The stories
are counted in one aggregate query grouped by union, then added up along the union tree.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone

from articles.models import Article
from planning.calendar import day_start
from unions.models import Union

DEFAULT_DAYS = 30
DAY_CHOICES = (7, 14, 30, 60, 90)


@dataclass
class UnionCoverage:
    union: Union
    last_published: datetime.datetime | None = None
    this_month: int = 0
    last_month: int = 0
    counties: list = field(default_factory=list)

    @property
    def change(self):
        return self.this_month - self.last_month

    def is_quiet(self, since):
        return self.last_published is None or self.last_published < since


@dataclass
class Coverage:
    days: int
    since: datetime.datetime
    month_start: datetime.date
    previous_month_start: datetime.date
    cities: list

    @property
    def quiet_cities(self):
        return [city for city in self.cities if city.is_quiet(self.since)]

    @property
    def quiet_counties(self):
        return [
            county
            for city in self.cities
            for county in city.counties
            if county.is_quiet(self.since)
        ]


def _month_starts(today):
    month_start = today.replace(day=1)
    previous = (month_start - datetime.timedelta(days=1)).replace(day=1)
    return month_start, previous


def coverage(*, days=DEFAULT_DAYS, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    month_start, previous_month_start = _month_starts(today)
    this_month_at, previous_month_at = day_start(month_start), day_start(previous_month_start)
    per_union = {
        row["union_id"]: row
        for row in Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__lte=now)
        .values("union_id")
        .annotate(
            last=Max("publish_at"),
            this_month=Count("pk", filter=Q(publish_at__gte=this_month_at)),
            last_month=Count(
                "pk", filter=Q(publish_at__gte=previous_month_at, publish_at__lt=this_month_at)
            ),
        )
        .order_by()
    }
    unions = list(
        Union.objects.active()
        .only("pk", "name", "short_name", "kind", "path", "parent_id", "slug")
        .order_by("path")
    )
    paths = {union.pk: union.path for union in unions}
    cities = [UnionCoverage(union) for union in unions if union.kind == Union.Kind.CITY]
    city_by_id = {city.union.pk: city for city in cities}
    for union in unions:
        if union.kind == Union.Kind.COUNTY and union.parent_id in city_by_id:
            city_by_id[union.parent_id].counties.append(UnionCoverage(union))
    tracked = [*cities, *(county for city in cities for county in city.counties)]
    for union_id, row in per_union.items():
        path = paths.get(union_id)
        if path is None:
            continue
        for entry in tracked:
            if path.startswith(entry.union.path):
                entry.this_month += row["this_month"]
                entry.last_month += row["last_month"]
                if entry.last_published is None or row["last"] > entry.last_published:
                    entry.last_published = row["last"]
    return Coverage(
        days=days,
        since=now - datetime.timedelta(days=days),
        month_start=month_start,
        previous_month_start=previous_month_start,
        cities=cities,
    )
