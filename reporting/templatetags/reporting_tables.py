"""Statistics tables rendered in one pass: a page may hold a thousand correspondents' rows,
which the template language (or format_html per cell) takes seconds to go through. Numbers are
written as numbers; every text cell goes through html.escape() before the markup is joined.
Also the count of outlets' adoptions that the story's admin page links to."""

import html

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


def _text(value):
    """A cell's text, escaped: html.escape is what django.utils.html.escape applies, without its
    lazy-string wrapper and SafeString, which cost more than the escaping over 16,000 cells."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return html.escape(str(value))


def _rows(table):
    for row, indent in zip(table.rows, table.indents, strict=True):
        cells = "".join(
            f'<td class="text">{_text(cell)}</td>'
            if isinstance(cell, str) and cell
            else f"<td>{_text(cell)}</td>"
            for cell in row[1:]
        )
        level = min(int(indent), 4)
        yield f'<tr><th scope="row" class="indent-{level}">{_text(row[0])}</th>{cells}</tr>'


@register.simple_tag
def stats_table(table, empty_text="", caption=""):
    head = "".join(f'<th scope="col">{_text(header)}</th>' for header in table.headers)
    if table.rows:
        # Safe: built only from escaped text (_text) and numbers.
        body = mark_safe("\n".join(_rows(table)))  # noqa: S308
    else:
        body = format_html(
            '<tr><td colspan="{}" class="stats-empty">{}</td></tr>', len(table.headers), empty_text
        )
    return format_html(
        '<table class="stats-table" id="table-{}"><caption>{}</caption>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        table.key,
        caption or table.title,
        mark_safe(head),  # noqa: S308  (escaped headers)
        body,
    )


@register.simple_tag
def story_adoptions(article):
    """How many outlets used the story (for the link on the story's admin page)."""
    from reporting.models import Adoption

    return Adoption.objects.filter(article=article).count()
