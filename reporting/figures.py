"""The 信息工作 figures of a period: per union (own and rolled up over its subtree) and per
correspondent: filed, used on the site (by genre), used by outlets per level, photos, 头条,
points.

Every figure comes from grouped aggregate queries, a fixed number of them whatever the number
of stories, unions or correspondents (tests/reporting/test_queries.py,
benchmarks/statistics_page.py). Python only adds the grouped counts up the union tree through
the materialised paths and applies the points, over at most one row per union.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import TruncMonth
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
        return round(100 * self.used / self.filed) if self.filed else None

    def is_empty(self):
        return not (self.filed or self.used or self.adopted or self.headlines)

    def add(self, other):
        self.filed += other.filed
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
    """All figures of the statistics page and the 通报 for the period, within scope's subtree."""
    start, end = period.start, period.end
    points = scoring_points()
    prefix = scope.path if scope is not None else ""

    filings = Filing.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    used = Article.objects.published().filter(publish_at__gte=start, publish_at__lt=end)
    adoptions = Adoption.objects.filter(date__gte=period.first_day, date__lte=period.last_day)
    leads = FrontPageLead.objects.filter(date__gte=period.first_day, date__lte=period.last_day)
    if scope is not None:
        # The subtree through the materialised path; without a scope no join is needed.
        filings = filings.filter(union__path__startswith=prefix)
        used = used.filter(union__path__startswith=prefix)
        adoptions = adoptions.filter(article__union__path__startswith=prefix)
        leads = leads.filter(article__union__path__startswith=prefix)
    photos = Photo.objects.filter(article__in=used)

    union_tallies = _tallies(
        filings=filings,
        used=used,
        adoptions=adoptions,
        leads=leads,
        photos=photos,
        filing_key="union",
        article_key="union",
    )
    by_correspondent = _tallies(
        filings=filings,
        used=used.filter(filing__isnull=False),
        adoptions=adoptions.filter(article__filing__isnull=False),
        leads=leads.filter(article__filing__isnull=False),
        photos=photos.filter(article__filing__isnull=False),
        filing_key="correspondent",
        article_key="filing__correspondent",
    )
    unions = list(
        Union.objects.filter(path__startswith=prefix)
        .only("name", "short_name", "path", "depth")
        .order_by("path")
    )
    union_rows = _roll_up(unions, union_tallies, points)
    totals = Tally()
    for tally in union_tallies.values():
        totals.add(tally)
    totals.score(points)
    return Statistics(
        period=period,
        scope=scope,
        points=points,
        totals=totals,
        unions=[row for row in union_rows if not row.total.is_empty()],
        ranking=_ranking(union_rows, scope),
        correspondents=_correspondent_rows(by_correspondent, points),
        outlets=_outlets(adoptions),
        months=_months(period, filings, used),
    )


def _tallies(*, filings, used, adoptions, leads, photos, filing_key, article_key):
    """{key: Tally} from five grouped queries."""
    tallies = defaultdict(Tally)
    for key, count in filings.order_by().values_list(filing_key).annotate(n=Count("pk")):
        tallies[key].filed = count
    rows = used.order_by().values_list(article_key, "genre").annotate(n=Count("pk"))
    for key, genre, count in rows:
        tallies[key].used_by_genre[genre] = count
    rows = adoptions.order_by().values_list(f"article__{article_key}", "outlet__level")
    for key, level, count in rows.annotate(n=Count("pk")):
        tallies[key].adopted_by_level[level] = count
    rows = leads.order_by().values_list(f"article__{article_key}").annotate(n=Count("pk"))
    for key, count in rows:
        tallies[key].headlines = count
    rows = photos.order_by().values_list(f"article__{article_key}").annotate(n=Count("pk"))
    for key, count in rows:
        tallies[key].photos = count
    tallies.pop(None, None)
    return tallies


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


def _outlets(adoptions):
    counts = dict(adoptions.order_by().values_list("outlet").annotate(n=Count("pk")))
    outlets = Outlet.objects.filter(pk__in=list(counts))
    return sorted(
        ((outlet, counts[outlet.pk]) for outlet in outlets),
        key=lambda item: (-item[1], item[0].ordering, item[0].name),
    )


def _months(period, filings, used):
    """(month, filed, used) for each month of the period, Beijing time."""
    zone = timezone.get_current_timezone()
    filed = dict(
        filings.order_by()
        .annotate(month=TruncMonth("submitted_at", tzinfo=zone))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    published = dict(
        used.order_by()
        .annotate(month=TruncMonth("publish_at", tzinfo=zone))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    filed = {_as_date(key): count for key, count in filed.items()}
    published = {_as_date(key): count for key, count in published.items()}
    return [(first, filed.get(first, 0), published.get(first, 0)) for first in period.months()]


def _as_date(value):
    if hasattr(value, "date"):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value
