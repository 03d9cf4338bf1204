"""Statistics tables rendered in one pass: a page may hold a thousand correspondents' rows,
which the template language would take seconds to loop over. Every cell is escaped."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def stats_table(table, empty_text="", caption=""):
    head = format_html_join("", '<th scope="col">{}</th>', ((header,) for header in table.headers))
    if table.rows:
        body = format_html_join(
            "\n",
            '<tr><th scope="row" class="indent-{}">{}</th>{}</tr>',
            (
                (
                    min(indent, 4),
                    row[0],
                    format_html_join("", "<td>{}</td>", ((cell,) for cell in row[1:])),
                )
                for row, indent in zip(table.rows, table.indents, strict=True)
            ),
        )
    else:
        body = format_html(
            '<tr><td colspan="{}" class="stats-empty">{}</td></tr>', len(table.headers), empty_text
        )
    return format_html(
        '<table class="stats-table" id="table-{}"><caption>{}</caption>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        table.key,
        caption or table.title,
        head,
        body,
    )
