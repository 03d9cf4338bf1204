"""Reporting periods in Beijing time: a month, a quarter, a year, or a range of days.

A period runs from midnight (Asia/Shanghai) of its first day to midnight after its last day, so
a story published at 23:59 on 30 September belongs to the third quarter and one published at
00:00 on 1 October to the fourth, whatever the server's or the database's time zone.
"""

import calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUARTER_NAMES = {1: "一", 2: "二", 3: "三", 4: "四"}
MAX_RANGE_DAYS = 366 * 3


@dataclass(frozen=True)
class Period:
    kind: str
    first_day: datetime.date
    last_day: datetime.date

    @property
    def start(self):
        return _midnight(self.first_day)

    @property
    def end(self):
        """Midnight after the last day: the first moment outside the period."""
        return _midnight(self.last_day + datetime.timedelta(days=1))

    @property
    def label(self):
        """How a 通报 names the period: 2026年第三季度, 2026年11月, 2026年, or the days."""
        day = self.first_day
        if self.kind == "year":
            return f"{day.year}年"
        if self.kind == "quarter":
            return f"{day.year}年第{QUARTER_NAMES[(day.month - 1) // 3 + 1]}季度"
        if self.kind == "month":
            return f"{day.year}年{day.month}月"
        last = self.last_day
        return f"{day.year}年{day.month}月{day.day}日至{last.year}年{last.month}月{last.day}日"

    def months(self):
        """The first day of each month the period touches."""
        months = []
        day = self.first_day.replace(day=1)
        while day <= self.last_day:
            months.append(day)
            day = _next_month(day)
        return months

    def query_string(self):
        if self.kind == "range":
            return f"period=range&start={self.first_day:%Y-%m-%d}&end={self.last_day:%Y-%m-%d}"
        query = f"period={self.kind}&year={self.first_day.year}"
        if self.kind == "month":
            query += f"&month={self.first_day.month}"
        if self.kind == "quarter":
            query += f"&quarter={(self.first_day.month - 1) // 3 + 1}"
        return query


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _next_month(day):
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month(year, number):
    first = datetime.date(year, number, 1)
    return Period("month", first, first.replace(day=calendar.monthrange(year, number)[1]))


def quarter(year, number):
    first_month = (number - 1) * 3 + 1
    last_month = first_month + 2
    return Period(
        "quarter",
        datetime.date(year, first_month, 1),
        datetime.date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def year(number):
    return Period("year", datetime.date(number, 1, 1), datetime.date(number, 12, 31))


def date_range(first_day, last_day):
    return Period("range", first_day, last_day)


def current_quarter():
    today = timezone.localdate()
    return quarter(today.year, (today.month - 1) // 3 + 1)


class PeriodForm(forms.Form):
    """The statistics page's period: read from the query string, each field checked."""

    PERIODS = [
        ("month", _("Month")),
        ("quarter", _("Quarter")),
        ("year", _("Year")),
        ("range", _("Dates")),
    ]

    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        choices=[(number, f"第{name}季度") for number, name in QUARTER_NAMES.items()],
        required=False,
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        choices=[(number, f"{number}月") for number in range(1, 13)],
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("period") or "quarter"
        today = timezone.localdate()
        number = cleaned.get("year") or today.year
        if kind == "month":
            cleaned["result"] = month(number, cleaned.get("month") or today.month)
        elif kind == "quarter":
            cleaned["result"] = quarter(
                number, cleaned.get("quarter") or (today.month - 1) // 3 + 1
            )
        elif kind == "year":
            cleaned["result"] = year(number)
        else:
            first, last = cleaned.get("start"), cleaned.get("end")
            if not first or not last:
                raise ValidationError(
                    _("Give both the first and the last day."), code="range_incomplete"
                )
            if last < first:
                raise ValidationError(
                    _("The last day comes before the first."), code="range_reversed"
                )
            if (last - first).days > MAX_RANGE_DAYS:
                raise ValidationError(_("Choose at most three years."), code="range_too_long")
            cleaned["result"] = date_range(first, last)
        return cleaned
