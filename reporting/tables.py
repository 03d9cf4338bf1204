"""The statistics as tables: one definition for the page, the 通报 and the .xlsx export.

Each table is a title, Chinese column names (translated msgids) and rows of plain values, so
the spreadsheet holds exactly what the page shows.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.models import Article
from reporting.models import Level


@dataclass
class Table:
    key: str
    title: str
    headers: list
    rows: list
    indents: list = None  # depth of each row's first cell, for the union tree

    def __post_init__(self):
        if self.indents is None:
            self.indents = [0] * len(self.rows)


# The levels in their order, read once: Level.choices builds a new list on every access, and a
# page's tables read it for each of a thousand rows.
LEVELS = [value for value, _label in Level.choices]


def points_value(points):
    """12 for 12.0, 12.5 for 12.5: what a reader expects to see."""
    return int(points) if points == int(points) else float(points)


def _level_headers():
    return [_("%(level)s outlets") % {"level": label} for _value, label in Level.choices]


def _figures(tally):
    return [
        tally.filed,
        tally.used,
        *[tally.adopted_by_level[level] for level in LEVELS],
        tally.photos,
        tally.headlines,
        points_value(tally.points),
    ]


def _figure_headers():
    return [
        _("Filings sent"),
        _("Used on the site"),
        *_level_headers(),
        _("Photos"),
        _("Lead stories (头条)"),
        _("Points"),
    ]


def totals_table(stats):
    return Table("totals", _("Totals"), _figure_headers(), [_figures(stats.totals)])


def unions_table(stats):
    rows, indents = [], []
    base = stats.unions[0].union.depth if stats.unions else 0
    for row in stats.unions:
        rows.append(
            [row.union.name, *_figures(row.total), row.own.used, points_value(row.own.points)]
        )
        indents.append(row.union.depth - base)
    headers = [_("Union"), *_figure_headers(), _("Used (own)"), _("Points (own)")]
    return Table("unions", _("By union, with the unions under each"), headers, rows, indents)


def ranking_table(stats):
    rows = [
        [
            rank,
            row.union.name,
            row.total.filed,
            row.total.used,
            row.total.use_rate if row.total.use_rate is not None else "",
            row.total.adopted,
            row.total.headlines,
            points_value(row.total.points),
        ]
        for rank, row in enumerate(stats.ranking, start=1)
    ]
    headers = [
        _("Rank"),
        _("Union"),
        _("Filings sent"),
        _("Used on the site"),
        _("Use rate (%)"),
        _("Used by outlets"),
        _("Lead stories (头条)"),
        _("Points"),
    ]
    return Table("ranking", _("Union ranking"), headers, rows)


def correspondents_table(stats, limit=None):
    people = stats.correspondents[:limit] if limit else stats.correspondents
    rows = [
        [
            rank,
            row.name,
            row.union_name,
            row.tally.use_rate if row.tally.use_rate is not None else "",
            *_figures(row.tally),
        ]
        for rank, row in enumerate(people, start=1)
    ]
    headers = [_("Rank"), _("Correspondent"), _("Union"), _("Use rate (%)"), *_figure_headers()]
    return Table("correspondents", _("Correspondents"), headers, rows)


def outlets_table(stats):
    rows = [[outlet.name, outlet.get_level_display(), count] for outlet, count in stats.outlets]
    return Table(
        "outlets", _("Adoptions by outlet"), [_("Outlet"), _("Level"), _("Stories used")], rows
    )


def months_table(stats):
    rows = [[f"{month.year}年{month.month}月", filed, used] for month, filed, used in stats.months]
    return Table(
        "months", _("Month by month"), [_("Month"), _("Filings sent"), _("Used on the site")], rows
    )


def genres_table(stats):
    total = stats.totals.used
    rows = []
    for value, label in Article.Genre.choices:
        count = stats.totals.used_by_genre[value]
        rows.append([str(label), count, round(100 * count / total) if total else 0])
    return Table(
        "genres",
        _("Used on the site by genre"),
        [_("Genre"), _("Used on the site"), _("Share (%)")],
        rows,
    )


def all_tables(stats):
    return [
        totals_table(stats),
        ranking_table(stats),
        unions_table(stats),
        correspondents_table(stats),
        outlets_table(stats),
        months_table(stats),
        genres_table(stats),
    ]
