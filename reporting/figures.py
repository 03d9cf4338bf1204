"""The 信息工作 figures of a period: per union (own and rolled up over its subtree) and per
correspondent: filed, used on the site (by genre), used by outlets per level, photos, 头条,
points.

Every figure comes from grouped aggregate queries, a fixed number of them whatever the number
of stories, unions or correspondents (tests/reporting/test_queries.py,
benchmarks/statistics_page.py). Python only adds the grouped counts up the union tree through
the materialised paths and applies the points, over at most one row per union.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from articles.models import Article
from correspondents.models import Correspondent, Filing
from photos.models import Photo
from reporting.models import DEFAULT_POINTS, Adoption, FrontPageLead, Level, Outlet, ScoringRule
from unions.models import Union

GENRES = [value for value, _ in Article.Genre.choices]
LEVELS = [value for value, _ in Level.choices]


@dataclass
class Tally:
    """One row's counts; points are worked out from them with the desk's rules."""

    filed: int = 0
    # Of the stories used, those that came from filings: what the use rate compares with filed.
    used_from_filings: int = 0
    used_by_genre: dict = field(default_factory=lambda: dict.fromkeys(GENRES, 0))
    adopted_by_level: dict = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    photos: int = 0
    headlines: int = 0
    points: Decimal = Decimal("0")

    @property
    def used(self):
        return sum(self.used_by_genre.values())

    @property
    def adopted(self):
        return sum(self.adopted_by_level.values())

    @property
    def use_rate(self):
        """Share of the filings used, in percent; None without filings."""
        return round(100 * self.used_from_filings / self.filed) if self.filed else None

    def is_empty(self):
        return not (self.filed or self.used or self.adopted or self.headlines)

    def add(self, other):
        self.filed += other.filed
        self.used_from_filings += other.used_from_filings
        self.photos += other.photos
        self.headlines += other.headlines
        for genre, count in other.used_by_genre.items():
            self.used_by_genre[genre] += count
        for level, count in other.adopted_by_level.items():
            self.adopted_by_level[level] += count

    def score(self, points):
        self.points = (
            sum(points[f"genre:{genre}"] * count for genre, count in self.used_by_genre.items())
            + sum(
                points[f"level:{level}"] * count for level, count in self.adopted_by_level.items()
            )
            + points["headline"] * self.headlines
        )


@dataclass
class UnionRow:
    union: Union
    own: Tally
    total: Tally  # the union and everything under it


@dataclass
class CorrespondentRow:
    correspondent_id: int
    name: str
    union_name: str
    tally: Tally


@dataclass
class Statistics:
    period: object
    scope: Union | None
    points: dict
    totals: Tally
    unions: list  # UnionRow, tree order, only unions with something in their subtree
    ranking: list  # UnionRow of the scope's direct sub-unions, best first
    correspondents: list  # CorrespondentRow, best first
    outlets: list  # (Outlet, count), most first
    months: list  # (first day of month, filed, used)


def scoring_points():
    points = dict(DEFAULT_POINTS)
    points.update(ScoringRule.objects.values_list("subject", "points"))
    return points


def statistics(period, scope=None):
    """All figures of the statistics page and the 通报 for the period, within scope's subtree.

    Five scans, each grouped once for unions and correspondents together: the filings and the
    stories used (with their months), the photos of those stories, the outlets' adoptions and
    the days' 头条.
    """
    points = scoring_points()
    prefix = scope.path if scope is not None else ""
    filings = Filing.objects.filter(submitted_at__gte=period.start, submitted_at__lt=period.end)
    used = Article.objects.published().filter(
        publish_at__gte=period.start, publish_at__lt=period.end
    )
    adoptions = Adoption.objects.filter(date__gte=period.first_day, date__lte=period.last_day)
    leads = FrontPageLead.objects.filter(date__gte=period.first_day, date__lte=period.last_day)
    if scope is not None:
        # The subtree through the materialised path; without a scope no join is needed.
        filings = filings.filter(union__path__startswith=prefix)
        used = used.filter(union__path__startswith=prefix)
        adoptions = adoptions.filter(article__union__path__startswith=prefix)
        leads = leads.filter(article__union__path__startswith=prefix)

    by_union, by_correspondent = defaultdict(Tally), defaultdict(Tally)
    buckets = _month_buckets(period)
    filed_by_month = _count_filings(filings, buckets, by_union, by_correspondent)
    used_by_month = _count_used(used, buckets, by_union, by_correspondent)
    photos = Photo.objects.filter(article__in=used)
    _count_per_story(photos, "photos", by_union, by_correspondent)
    outlet_counts = _count_adoptions(adoptions, by_union, by_correspondent)
    _count_per_story(leads, "headlines", by_union, by_correspondent)

    unions = list(
        Union.objects.filter(path__startswith=prefix)
        .only("name", "short_name", "path", "depth")
        .order_by("path")
    )
    union_rows = _roll_up(unions, by_union, points)
    totals = Tally()
    for tally in by_union.values():
        totals.add(tally)
    totals.score(points)
    outlets = Outlet.objects.filter(pk__in=list(outlet_counts))
    return Statistics(
        period=period,
        scope=scope,
        points=points,
        totals=totals,
        unions=[row for row in union_rows if not row.total.is_empty()],
        ranking=_ranking(union_rows, scope),
        correspondents=_correspondent_rows(by_correspondent, points),
        outlets=sorted(
            ((outlet, outlet_counts[outlet.pk]) for outlet in outlets),
            key=lambda item: (-item[1], item[0].ordering, item[0].name),
        ),
        months=[
            (first, filed_by_month[index], used_by_month[index])
            for index, (first, _start, _end) in enumerate(buckets)
        ],
    )


def _month_buckets(period):
    """(first day, start, end) of each month of the period, clipped to the period."""
    buckets = []
    for first in period.months():
        following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        start = max(period.start, _midnight(first))
        end = min(period.end, _midnight(following))
        buckets.append((first, start, end))
    return buckets


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _monthly(field, buckets):
    """One filtered count per month: plain comparisons, no time zone arithmetic per row."""
    return {
        f"month_{index}": Count("pk", filter=Q(**{f"{field}__gte": start, f"{field}__lt": end}))
        for index, (_first, start, end) in enumerate(buckets)
    }


def _count_filings(filings, buckets, by_union, by_correspondent):
    rows = (
        filings.order_by()
        .values_list("union", "correspondent")
        .annotate(n=Count("pk"), **_monthly("submitted_at", buckets))
    )
    months = [0] * len(buckets)
    for union_id, correspondent_id, count, *monthly in rows:
        by_union[union_id].filed += count
        by_correspondent[correspondent_id].filed += count
        months = [total + value for total, value in zip(months, monthly, strict=True)]
    return months


def _count_used(used, buckets, by_union, by_correspondent):
    """Stories used, by union, genre and the correspondent whose filing it was (if any)."""
    rows = (
        used.order_by()
        .values_list("union", "genre", "filing__correspondent")
        .annotate(n=Count("pk"), **_monthly("publish_at", buckets))
    )
    months = [0] * len(buckets)
    for union_id, genre, correspondent_id, count, *monthly in rows:
        by_union[union_id].used_by_genre[genre] += count
        if correspondent_id is not None:
            by_union[union_id].used_from_filings += count
            by_correspondent[correspondent_id].used_by_genre[genre] += count
            by_correspondent[correspondent_id].used_from_filings += count
        months = [total + value for total, value in zip(months, monthly, strict=True)]
    return months


def _count_per_story(queryset, attribute, by_union, by_correspondent):
    """Rows that each belong to a story (its photos, its days as 头条), counted into attribute."""
    rows = (
        queryset.order_by()
        .values_list("article__union", "article__filing__correspondent")
        .annotate(n=Count("pk"))
    )
    for union_id, correspondent_id, count in rows:
        tallies = [by_union[union_id]]
        if correspondent_id is not None:
            tallies.append(by_correspondent[correspondent_id])
        for tally in tallies:
            setattr(tally, attribute, getattr(tally, attribute) + count)


def _count_adoptions(adoptions, by_union, by_correspondent):
    """Adoptions by union, outlet and correspondent; returns {outlet id: count}."""
    rows = (
        adoptions.order_by()
        .values_list("article__union", "outlet", "outlet__level", "article__filing__correspondent")
        .annotate(n=Count("pk"))
    )
    per_outlet = defaultdict(int)
    for union_id, outlet_id, level, correspondent_id, count in rows:
        by_union[union_id].adopted_by_level[level] += count
        if correspondent_id is not None:
            by_correspondent[correspondent_id].adopted_by_level[level] += count
        per_outlet[outlet_id] += count
    return per_outlet


def _roll_up(unions, tallies, points):
    """Each union's own tally and its subtree's, added up through the materialised paths."""
    rows = {}
    by_path = {}
    for union in unions:
        own = tallies.get(union.pk, Tally())
        row = UnionRow(union=union, own=own, total=Tally())
        rows[union.pk] = row
        by_path[union.path] = row
    for row in rows.values():
        segments = row.union.path.split("/")[:-1]
        for depth in range(1, len(segments) + 1):
            ancestor = by_path.get("/".join(segments[:depth]) + "/")
            if ancestor is not None:
                ancestor.total.add(row.own)
    ordered = [rows[union.pk] for union in unions]
    for row in ordered:
        row.own.score(points)
        row.total.score(points)
    return ordered


def _ranking(rows, scope):
    """The scope's direct sub-unions (or the top unions without a scope), best first."""
    if scope is not None:
        depth = scope.depth + 1
        members = [row for row in rows if row.union.depth == depth]
    else:
        top = min((row.union.depth for row in rows), default=0)
        members = [row for row in rows if row.union.depth == top]
        if len(members) == 1:
            members = [row for row in rows if row.union.depth == top + 1]
    members = [row for row in members if not row.total.is_empty()]
    return sorted(members, key=lambda row: (-row.total.points, -row.total.used, row.union.path))


def _correspondent_rows(tallies, points):
    people = Correspondent.objects.filter(pk__in=list(tallies)).values_list(
        "pk", "name", "union__name"
    )
    rows = []
    for pk, name, union_name in people:
        tally = tallies[pk]
        tally.score(points)
        rows.append(CorrespondentRow(pk, name, union_name, tally))
    return sorted(
        rows, key=lambda row: (-row.tally.points, -row.tally.used, row.name, row.correspondent_id)
    )
