"""Stories as IPTC ninjs 2.1 (https://iptc.org/standards/ninjs/), for partners who reprint them.

The body is the HTML of the public page (the safe body format, every character of the text
escaped), bylines are people with their roles, themes are subjects, photos are associations
with their renditions and credits. A withdrawn story is a short item with pubstatus
"canceled", so partners take it down.
"""

from django.utils.html import format_html

from articles.models import Article
from news.links import absolute_url

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
STANDARD = {"name": "ninjs", "version": "2.1", "schema": SCHEMA_URI}
LANGUAGE = "zh-Hans"
PHOTO_KIND = "jpeg"


def _time(value):
    return value.isoformat() if value else None


def story_uri(article):
    return absolute_url(article.get_absolute_url())


def version_created(article):
    return max(article.updated_at, article.publish_at or article.updated_at)


def canceled_item(article):
    return {
        "uri": story_uri(article),
        "standard": STANDARD,
        "type": "text",
        "representationtype": "partial",
        "version": str(article.version),
        "versioncreated": _time(version_created(article)),
        "pubstatus": "canceled",
    }


def story_item(article, *, body_html):
    """The ninjs object of a public story; body_html is the page's rendering of its body."""
    if article.status == Article.Status.WITHDRAWN:
        return canceled_item(article)
    bylines = list(article.bylines.all())
    headlines = [{"role": "main", "value": article.headline}]
    if article.kicker:
        headlines.append({"role": "kicker", "value": article.kicker})
    if article.subheadline:
        headlines.append({"role": "subheadline", "value": article.subheadline})
    item = {
        "uri": story_uri(article),
        "standard": STANDARD,
        "type": "text",
        "representationtype": "full",
        "profile": "text-photo" if article.photos.all() else "text-only",
        "version": str(article.version),
        "firstcreated": _time(article.publish_at),
        "versioncreated": _time(version_created(article)),
        "pubstatus": "usable",
        "language": LANGUAGE,
        "headlines": headlines,
        "descriptions": [
            {"role": "summary", "contenttype": "text/plain", "value": article.lead_text}
        ],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "charcount": article.character_count,
                "value": str(body_html),
            }
        ],
        "by": article.closing_credit() or article.union.name,
        "people": [
            {"name": byline.name, "rel": byline.role, "literal": byline.get_role_display()}
            for byline in bylines
        ],
        "organisations": [{"name": article.union.name, "rel": "reporting-union"}],
        "infosources": [{"name": article.union.name, "role": "originator"}],
        "located": article.union.name,
        "genres": [{"name": article.get_genre_display(), "literal": article.genre}],
        "subjects": [
            {"name": theme.name, "rel": "theme", "uri": absolute_url(f"/themes/{theme.slug}/")}
            for theme in article.themes.all()
        ],
        "altids": [{"role": "story-id", "value": str(article.pk)}],
    }
    if article.column:
        item["subjects"].append(
            {
                "name": article.column.name,
                "rel": "column",
                "uri": absolute_url(article.column.get_absolute_url()),
            }
        )
    if article.correction_note:
        item["descriptions"].append(
            {"role": "correction", "contenttype": "text/plain", "value": article.correction_note}
        )
    associations = [
        _photo_association(photo, number)
        for number, photo in enumerate(_ordered_photos(article), start=1)
    ]
    if associations:
        item["associations"] = associations
    return item


def _ordered_photos(article):
    return sorted(
        article.photos.all(), key=lambda photo: (not photo.is_lead, photo.position, photo.pk)
    )


def _photo_association(photo, number):
    association = {
        "name": "lead-photo" if photo.is_lead else f"photo-{number}",
        "uri": absolute_url(photo.image.url),
        "type": "picture",
        "renditions": [
            {
                "name": f"{rendition.width}w",
                "href": absolute_url(rendition.url),
                "contenttype": "image/jpeg",
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in photo.renditions(PHOTO_KIND)
        ],
    }
    if photo.caption:
        association["headlines"] = [{"role": "caption", "value": photo.caption}]
    if photo.alt:
        association["descriptions"] = [{"role": "alt", "value": photo.alt}]
    if photo.credit:
        association["by"] = photo.credit
        association["copyrightholder"] = photo.credit
    return association


def page_body_html(article):
    """The body as the story page shows it: paragraphs, intertitles, then the closing credit."""
    credit = article.closing_credit()
    if not credit:
        return article.body_html()
    return format_html('{}\n<p class="closing-credit">{}</p>', article.body_html(), credit)
