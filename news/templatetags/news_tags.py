from django import template
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.translation import get_language, gettext, pgettext

from news import selectors
from news.links import absolute_url

register = template.Library()

# The site's header and footer are the same HTML page after page. Each process renders each
# variant once (per language, section, columns in the navigation) and keeps this many.
KEPT_CHROME_VARIANTS = 200
_kept_chrome = {}

# How the paper closes a photo: "姚佳佳/摄". A print convention, not interface text.
PHOTO_CREDIT_MARK = "/摄"
# Dashes an editor may type before a subheadline (the page prints its own "——").
SUBHEADLINE_DASHES = "\u2014\u2013\u2015\u2500\uff0d- \u3000"


@register.filter
def absolute(path_or_url):
    """An address made absolute against SITE_URL."""
    return absolute_url(path_or_url)


@register.filter
def lead_photo(article):
    return selectors.lead_photo(article)


@register.filter
def photo_credit(photo):
    """'姚佳佳/摄' for a photo credited to 姚佳佳; a credit that already says 摄 stays as typed."""
    credit = (photo.credit or "").strip()
    if not credit or credit.endswith("摄"):
        return credit
    return credit + PHOTO_CREDIT_MARK


@register.filter
def without_leading_dash(subheadline):
    """'追记朱世群' for '——追记朱世群': the template adds the dash, whatever the editor typed."""
    return (subheadline or "").lstrip(SUBHEADLINE_DASHES)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one absolute address: its canonical path, with its page past the first."""
    request = context.get("request")
    meta = context.get("meta")
    path = getattr(meta, "path", "") or (request.path if request is not None else "")
    if not path:
        return ""
    # A list page's own address: ?page=N or its cursor (news.paging), nothing else.
    query = getattr(context.get("page_obj"), "canonical_query", "")
    if query:
        path = f"{path}?{query}"
    return absolute_url(path)


# Who a story comes from, for the source line under the headline; print roles, in order.
SOURCE_ROLES = ("reporter", "correspondent", "author", "photographer")


@register.simple_tag
def source_line(article):
    """来源：宿州市总工会 · 记者 陈雪 · 通讯员 孙晓东 (reads the bylines prefetch)."""
    labels = {
        "reporter": pgettext("source line", "Reporter"),
        "correspondent": pgettext("source line", "Correspondent"),
        "author": pgettext("source line", "Author"),
        "photographer": pgettext("source line", "Photographer"),
    }
    parts = [gettext("Source: %(union)s") % {"union": article.union.name}]
    bylines = list(article.bylines.all())
    for role in SOURCE_ROLES:
        names = [byline.name for byline in bylines if byline.role == role]
        if names:
            parts.append(f"{labels[role]} {' '.join(names)}")
    return " · ".join(parts)


@register.simple_tag(takes_context=True)
def navigation_columns(context):
    """The columns with published stories, for the site's navigation.

    A view that read them with its other fragments passes them as nav_columns (a round trip less).
    """
    columns = context.get("nav_columns")
    return list(selectors.public_columns()) if columns is None else columns


@register.filter
def quiet_cities(city_blocks):
    """The cities without news yet: the home page names them on one line instead of in cards."""
    return [block for block in city_blocks if not block.stories]


def _kept(key, render):
    html = _kept_chrome.get(key)
    if html is None:
        if len(_kept_chrome) >= KEPT_CHROME_VARIANTS:
            _kept_chrome.clear()
        html = _kept_chrome[key] = render()
    return html


@register.simple_tag(takes_context=True)
def site_header(context):
    """The masthead, search box and navigation (includes/site_header.html), rendered once per
    variant: its key names everything it shows. A search page's header holds the words searched
    for, so it is rendered each time instead of kept."""
    columns = navigation_columns(context)
    values = {
        "site_name": context.get("site_name"),
        "nav": context.get("nav"),
        "nav_column": context.get("nav_column"),
        "search_query": context.get("search_query") or "",
        "nav_columns": columns,
    }
    header = get_template("includes/site_header.html")
    if values["search_query"]:
        return header.render(values)
    shown = tuple((column.pk, column.name, column.slug) for column in columns)
    key = ("header", get_language(), get_script_prefix(), shown)
    key += tuple(values[name] for name in ("site_name", "nav", "nav_column"))
    return _kept(key, lambda: header.render(values))


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (includes/site_footer.html), rendered once per language."""
    site_name = context.get("site_name")
    key = ("footer", get_language(), get_script_prefix(), site_name)
    return _kept(
        key, lambda: get_template("includes/site_footer.html").render({"site_name": site_name})
    )
