"""A story as the WeChat official account's editor (公众号后台) accepts it on paste.

The editor drops classes, ids, style sheets and scripts, so every style is inline, on plain
elements. Images are the stories' JPEG renditions at absolute addresses, which the editor
fetches and re-hosts. All text is escaped by format_html.
"""

from django.utils.html import format_html, format_html_join

from articles.body import INTERTITLE, parse
from articles.models import STAFF_REPORT_DATELINE
from news.links import absolute_url

WECHAT_WIDTH = 960

SECTION = "margin:0;padding:0;font-size:16px;line-height:1.8;color:#222;letter-spacing:0.5px;"
SOURCE = "margin:0 0 16px;font-size:14px;color:#888;"
PARAGRAPH = "margin:0 0 1em;text-indent:2em;text-align:justify;"
DATELINE = "font-weight:bold;"
INTERTITLE_STYLE = (
    "margin:1.5em 0 0.8em;padding-left:8px;border-left:4px solid #b0141c;"
    "font-size:17px;font-weight:bold;line-height:1.5;"
)
FIGURE = "margin:1em 0;padding:0;"
IMAGE = "display:block;width:100%;height:auto;margin:0 auto;"
CAPTION = "margin:6px 0 0;font-size:14px;line-height:1.6;color:#666;text-align:center;"
CREDIT_LINE = "margin:0 0 1em;text-align:right;"
CORRECTION = "margin:1em 0;padding:8px 12px;background:#fff7e0;font-size:14px;color:#5c4a1f;"
EDITOR = "margin:1.5em 0 0;font-size:14px;color:#888;text-align:right;"


def _photo_url(photo):
    jpegs = photo.renditions("jpeg")
    fitting = [rendition for rendition in jpegs if rendition.width <= WECHAT_WIDTH]
    chosen = (fitting or jpegs)[-1] if jpegs else None
    return absolute_url(chosen.url if chosen else photo.image.url)


def _figure(photo):
    caption = photo.caption
    if photo.credit:
        credit = photo.credit if photo.credit.endswith("摄") else f"{photo.credit}/摄"
        caption = f"{caption} {credit}".strip()
    caption_html = format_html('<p style="{}">{}</p>', CAPTION, caption) if caption else ""
    return format_html(
        '<section style="{}"><img src="{}" alt="{}" style="{}">{}</section>',
        FIGURE,
        _photo_url(photo),
        photo.alt,
        IMAGE,
        caption_html,
    )


def _body(article):
    dateline = STAFF_REPORT_DATELINE if article.is_staff_report else ""
    parts = []
    for block in parse(article.body):
        if block.type == INTERTITLE:
            parts.append(format_html('<h3 style="{}">{}</h3>', INTERTITLE_STYLE, block.text))
        elif dateline:
            parts.append(
                format_html(
                    '<p style="{}"><span style="{}">{}</span> {}</p>',
                    PARAGRAPH,
                    DATELINE,
                    dateline,
                    block.text,
                )
            )
            dateline = ""
        else:
            parts.append(format_html('<p style="{}">{}</p>', PARAGRAPH, block.text))
    return format_html_join("\n", "{}", ((part,) for part in parts))


def render(article):
    """The story's body for the 公众号 editor: inline styles only, no class, id or script."""
    photos = sorted(article.photos.all(), key=lambda photo: (not photo.is_lead, photo.position))
    lead, others = (photos[0], photos[1:]) if photos else (None, [])
    credit = article.closing_credit()
    photo_credit = article.photo_credit()
    editor = article.editor_credit()
    return format_html(
        '<section style="{}">{}{}{}{}{}{}{}{}</section>',
        SECTION,
        format_html('<p style="{}">{}</p>', SOURCE, article.union.name),
        _figure(lead) if lead else "",
        _body(article),
        format_html('<p style="{}">{}</p>', CREDIT_LINE, credit) if credit else "",
        format_html_join("", "{}", ((_figure(photo),) for photo in others)),
        format_html('<p style="{}">{}</p>', CREDIT_LINE, photo_credit)
        if photo_credit and not any(photo.credit for photo in photos)
        else "",
        format_html('<p style="{}">更正：{}</p>', CORRECTION, article.correction_note)
        if article.correction_note
        else "",
        format_html('<p style="{}">{}</p>', EDITOR, editor) if editor else "",
    )
