"""The 信息工作 figures of a period: per union (own and rolled up over its subtree) and per
correspondent: filed, used on the site (by genre), used by outlets per level, photos, 头条,
points.

Every figure comes from grouped sums over the per-day summary (reporting.summary), a fixed
number of queries whatever the number of stories, unions or correspondents
(tests/reporting/test_statistics.py, benchmarks/statistics_page.py). Python only adds the
grouped counts up the union tree through the materialised paths and applies the points, over at
most one row per union and correspondent.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from articles.models import Article
from reporting import summary
from reporting.models import DEFAULT_POINTS, Adoption, DailyTally, Level, Outlet, ScoringRule
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

    Read from the per-day summary (reporting.summary): one grouped sum for unions and
    correspondents together, one per month, the outlets' adoptions, and the scheduled stories
    whose time has not come (the summary counts them on their day; here they are not used yet).
    """
    points = scoring_points()
    prefix = scope.path if scope is not None else ""
    tallies = DailyTally.objects.filter(day__gte=period.first_day, day__lte=period.last_day)
    adoptions = Adoption.objects.filter(date__gte=period.first_day, date__lte=period.last_day)
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED,
        publish_at__gt=timezone.now(),
        publish_at__gte=period.start,
        publish_at__lt=period.end,
    )
    if scope is not None:
        # The subtree through the materialised path; without a scope no join is needed.
        tallies = tallies.filter(union__path__startswith=prefix)
        adoptions = adoptions.filter(article__union__path__startswith=prefix)
        scheduled = scheduled.filter(union__path__startswith=prefix)

    by_union, by_correspondent = defaultdict(Tally), defaultdict(Tally)
    names = _count_tallies(tallies, by_union, by_correspondent)
    months = _count_months(tallies, period)
    _take_off_scheduled(scheduled, months, by_union, by_correspondent)
    outlet_counts = dict(adoptions.order_by().values_list("outlet").annotate(n=Count("pk")))

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
        correspondents=_correspondent_rows(by_correspondent, names, points),
        outlets=sorted(
            ((outlet, outlet_counts[outlet.pk]) for outlet in outlets),
            key=lambda item: (-item[1], item[0].ordering, item[0].name),
        ),
        months=[(first, *months[first]) for first in period.months()],
    )


def _sums():
    """What each grouped row of the summary adds up: the Tally's counts, genres side by side."""
    return {
        "filed": Sum("filed"),
        "used_from_filings": Sum("used", filter=Q(correspondent__isnull=False)),
        "photos": Sum("photos"),
        "headlines": Sum("headlines"),
        **{f"used_{genre}": Sum("used", filter=Q(genre=genre)) for genre in GENRES},
        **{f"adopted_{level}": Sum(name) for level, name in summary.LEVEL_FIELDS.items()},
    }


def _tally(row):
    return Tally(
        filed=row["filed"] or 0,
        used_from_filings=row["used_from_filings"] or 0,
        photos=row["photos"] or 0,
        headlines=row["headlines"] or 0,
        used_by_genre={genre: row[f"used_{genre}"] or 0 for genre in GENRES},
        adopted_by_level={level: row[f"adopted_{level}"] or 0 for level in LEVELS},
    )


def _count_tallies(tallies, by_union, by_correspondent):
    """The period's sums per union and per correspondent: one grouped query for each side, a
    row per union or correspondent (grouping by genre too would give Python several times the
    rows to add up)."""
    sums = _sums()
    for row in tallies.order_by().values("union").annotate(**sums):
        by_union[row["union"]] = _tally(row)
    people = (
        tallies.filter(correspondent__isnull=False)
        .order_by()
        .values("correspondent", "correspondent__name", "correspondent__union__name")
    )
    names = {}
    for row in people.annotate(**sums):
        by_correspondent[row["correspondent"]] = _tally(row)
        names[row["correspondent"]] = (
            row["correspondent__name"],
            row["correspondent__union__name"],
        )
    return names


def _count_months(tallies, period):
    """{first day of month: [filed, used]} for each month of the period.

    Summed per day (at most a few hundred rows) and put in months here: truncating each row's
    date to its month in SQL cost more than the sums themselves.
    """
    months = {first: [0, 0] for first in period.months()}
    rows = tallies.order_by().values_list("day").annotate(Sum("filed"), Sum("used"))
    for day, filed, used in rows:
        month = months[day.replace(day=1)]
        month[0] += filed
        month[1] += used
    return months


def _take_off_scheduled(scheduled, months, by_union, by_correspondent):
    """Scheduled stories are in the summary on their day but not used until their time comes."""
    rows = (
        scheduled.order_by()
        .values_list("pk", "publish_at", "union", "genre", "filing__correspondent")
        .annotate(photo_count=Count("photos"))
    )
    for _pk, publish_at, union_id, genre, correspondent_id, photo_count in rows:
        tallies_of_row = [by_union[union_id]]
        if correspondent_id is not None:
            tallies_of_row.append(by_correspondent[correspondent_id])
        for tally in tallies_of_row:
            tally.used_by_genre[genre] -= 1
            if correspondent_id is not None:
                tally.used_from_filings -= 1
            tally.photos -= photo_count
        months[timezone.localtime(publish_at).date().replace(day=1)][1] -= 1


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


def _correspondent_rows(tallies, names, points):
    rows = []
    for pk, tally in tallies.items():
        # Every correspondent counted has a row in the summary, which names them.
        name, union_name = names.get(pk, ("", ""))
        tally.score(points)
        rows.append(CorrespondentRow(pk, name, union_name, tally))
    return sorted(
        rows, key=lambda row: (-row.tally.points, -row.tally.used, row.name, row.correspondent_id)
    )
