from django import template

from news import selectors
from news.links import absolute_url

register = template.Library()

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
    """The page's one absolute address: its canonical path, with the page number past page 1."""
    request = context.get("request")
    meta = context.get("meta")
    path = getattr(meta, "path", "") or (request.path if request is not None else "")
    if not path:
        return ""
    page_obj = context.get("page_obj")
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        path = f"{path}?page={page_obj.number}"
    return absolute_url(path)
