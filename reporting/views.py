"""The statistics page, its .xlsx export and the printable 通报, for the desk's editors."""

from urllib.parse import quote

from django import forms
from django.contrib.admin import site as admin_site
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article
from correspondents.rules import is_desk_editor
from reporting import charts, tables
from reporting.figures import statistics
from reporting.periods import PeriodForm, current_quarter
from unions.models import Union

BEST_CORRESPONDENTS = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class QuickSelect(forms.Select):
    """A select rendered in one pass: the union list has hundreds of options, which Django's
    per-option widget templates take a noticeable time to render."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = "" if value is None else str(value)
        options = "".join(
            f'<option value="{escape(option_value)}"'
            f"{' selected' if str(option_value) == selected else ''}>{escape(label)}</option>"
            for option_value, label in self.choices
        )
        return format_html(
            '<select name="{}" id="{}">{}</select>',
            name,
            attrs.get("id", f"id_{name}"),
            mark_safe(options),  # noqa: S308  (every value and label escaped above)
        )


class StatisticsForm(PeriodForm):
    union = forms.ModelChoiceField(
        widget=QuickSelect,
        label=gettext_lazy("Union"),
        queryset=Union.objects.only("name", "path").order_by("path"),
        required=False,
        empty_label=gettext_lazy("All unions"),
        help_text=gettext_lazy("Count this union and the unions under it."),
    )


def _read(request):
    if not is_desk_editor(request.user):
        raise PermissionDenied
    form = StatisticsForm(request.GET or None)
    if form.is_bound and form.is_valid():
        period, scope = form.cleaned_data["result"], form.cleaned_data["union"]
    else:
        period, scope = current_quarter(), None
        if not form.is_bound:
            form = StatisticsForm(
                initial={
                    "period": "quarter",
                    "year": period.first_day.year,
                    "quarter": (period.first_day.month - 1) // 3 + 1,
                }
            )
    return form, period, scope


def _query(period, scope):
    return period.query_string() + (f"&union={scope.pk}" if scope else "")


def _area(scope):
    """全市 for the city's own figures; a union's name when one is chosen."""
    return scope.name if scope is not None else "全市工会"


def statistics_page(request):
    form, period, scope = _read(request)
    stats = statistics(period, scope)
    genre_items = [
        (str(label), stats.totals.used_by_genre[value]) for value, label in Article.Genre.choices
    ]
    context = {
        **admin_site.each_context(request),
        "title": _("Information work statistics"),
        "form": form,
        "stats": stats,
        "period": period,
        "area": _area(scope),
        "query": _query(period, scope),
        "totals": tables.totals_table(stats),
        "ranking": tables.ranking_table(stats),
        "unions": tables.unions_table(stats),
        "correspondents": tables.correspondents_table(stats),
        "outlets": tables.outlets_table(stats),
        "months": tables.months_table(stats),
        "genres": tables.genres_table(stats),
        "union_chart": charts.bar_chart(
            [
                (row.union.label, row.total.used)
                for row in sorted(stats.ranking, key=lambda row: -row.total.used)
            ]
        ),
        "month_chart": charts.line_chart(
            [(f"{month.month}月", used) for month, _filed, used in stats.months]
        ),
        "genre_chart": charts.share_chart(genre_items),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "reporting/statistics.html", context, status=status)


def export_xlsx(request):
    form, period, scope = _read(request)
    stats = statistics(period, scope)
    heading = f"{period.label}{_area(scope)}信息工作统计"
    # openpyxl (about 20 MB once imported) is read by the download only, not by every worker.
    from reporting.export import workbook_bytes

    response = HttpResponse(workbook_bytes(stats, heading=heading), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="statistics-{period.first_day:%Y%m%d}-{period.last_day:%Y%m%d}'
        f".xlsx\"; filename*=UTF-8''{quote(heading)}.xlsx"
    )
    return response


def bulletin(request):
    form, period, scope = _read(request)
    stats = statistics(period, scope)
    return render(
        request,
        "reporting/bulletin.html",
        {
            "stats": stats,
            "period": period,
            "area": _area(scope),
            "issuer": scope.name if scope is not None else _issuer(),
            "today": timezone.localdate(),
            "ranking": tables.ranking_table(stats),
            "correspondents": tables.correspondents_table(stats, limit=BEST_CORRESPONDENTS),
            "outlets": tables.outlets_table(stats),
            "totals": stats.totals,
            "query": _query(period, scope),
        },
    )


def _issuer():
    """The federation that issues the 通报: the top of the union tree."""
    root = Union.objects.filter(parent__isnull=True).order_by(*Union.SIBLING_ORDER).first()
    return root.name if root else ""
