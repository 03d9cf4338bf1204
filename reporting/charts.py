"""Charts drawn on the server as SVG: geometry here, markup in templates/reporting/charts/.

No script and nothing fetched: the SVG is part of the page, prints, and carries a title and a
description for screen readers; each chart has a table with its numbers beside it.
"""

from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 150
BAR_AREA = 300
# One colour per genre, distinguishable in greyscale print too (light to dark).
GENRE_COLOURS = ["#b0141c", "#e07b39", "#f2c14e", "#5c5c5c"]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float
    text_y: float
    value_x: float


def bar_chart(items, *, limit=15):
    """Horizontal bars for (label, value) pairs, the largest first."""
    items = [item for item in items if item[1]][:limit]
    largest = max((value for _, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            Bar(
                label,
                value,
                y,
                round(BAR_AREA * value / largest, 1),
                y + BAR_HEIGHT * 0.7,
                round(LABEL_WIDTH + BAR_AREA * value / largest + 6, 1),
            )
        )
    height = max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return {
        "bars": bars,
        "height": height,
        "width": LABEL_WIDTH + BAR_AREA + 60,
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 6,
        "bar_height": BAR_HEIGHT,
    }


@dataclass(frozen=True)
class Point:
    label: str
    x: float
    y: float
    value: int


def line_chart(series, *, width=480, height=200):
    """A line through (label, value) points, with the axis at zero."""
    left, right, top, bottom = 40, 16, 16, 30
    largest = max((value for _, value in series), default=0) or 1
    step = (width - left - right) / max(len(series) - 1, 1)
    points = [
        Point(
            label,
            round(left + index * step, 1),
            round(top + (height - top - bottom) * (1 - value / largest), 1),
            value,
        )
        for index, (label, value) in enumerate(series)
    ]
    return {
        "points": points,
        "polyline": " ".join(f"{point.x},{point.y}" for point in points),
        "width": width,
        "height": height,
        "baseline": height - bottom,
        "left": left,
        "right": width - right,
        "top": top,
        "largest": largest,
        "label_y": height - 10,
    }


@dataclass(frozen=True)
class Share:
    label: str
    value: int
    percent: int
    x: float
    width: float
    colour: str


def share_chart(items, *, width=480):
    """One bar split by share, e.g. the used stories by genre."""
    total = sum(value for _, value in items)
    shares = []
    x = 0.0
    for index, (label, value) in enumerate(items):
        part = width * value / total if total else 0
        shares.append(
            Share(
                label,
                value,
                round(100 * value / total) if total else 0,
                round(x, 1),
                round(part, 1),
                GENRE_COLOURS[index % len(GENRE_COLOURS)],
            )
        )
        x += part
    return {"shares": shares, "width": width, "total": total}
