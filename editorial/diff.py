"""Side-by-side comparison of two versions of a story, every piece of text escaped."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import zip_longest

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline
from photos.models import Photo

TEXT_FIELDS = [
    "kicker",
    "headline",
    "subheadline",
    "body",
    "summary",
    "correction_note",
]


@dataclass
class Row:
    kind: str  # equal, replace, delete or insert
    old: str
    new: str


@dataclass
class FieldDiff:
    label: str
    rows: list = field(default_factory=list)

    @property
    def changed(self):
        return any(row.kind != "equal" for row in self.rows)


def _marked(text, opcodes, side):
    """One side of a changed line, its changed characters in <del> (old) or <ins> (new)."""
    parts = []
    tag_name = "del" if side == "old" else "ins"
    for tag, i1, i2, j1, j2 in opcodes:
        piece = text[i1:i2] if side == "old" else text[j1:j2]
        if not piece:
            continue
        if tag == "equal":
            parts.append(escape(piece))
        else:
            parts.append(format_html("<{0}>{1}</{0}>", mark_safe(tag_name), piece))
    return mark_safe("".join(parts))


def _changed_line(old, new):
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return Row("replace", _marked(old, opcodes, "old"), _marked(new, opcodes, "new"))


def compare_lines(old_text, new_text):
    """Rows of a side-by-side diff of two texts, line by line, changed characters marked."""
    old_lines = (old_text or "").splitlines()
    new_lines = (new_text or "").splitlines()
    rows = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Row("equal", escape(line), escape(line)) for line in old_lines[i1:i2])
            continue
        for old, new in zip_longest(old_lines[i1:i2], new_lines[j1:j2]):
            if old is not None and new is not None:
                rows.append(_changed_line(old, new))
            elif old is not None:
                rows.append(Row("delete", escape(old), ""))
            else:
                rows.append(Row("insert", "", escape(new)))
    return rows


def _byline_line(data):
    role = data.get("role", "")
    label = Byline.Role(role).label if role in Byline.Role.values else role
    return f"{label} {data.get('name', '')}"


def _photo_line(data):
    parts = (data.get("image"), data.get("caption"), data.get("credit"))
    return " · ".join(str(part) for part in parts if part)


def snapshot_of_version(version):
    """The text of a saved version: its fields and the bylines and photos saved with it."""
    data = version.field_dict
    article_pk = int(version.object_id)
    snapshot = {name: str(data.get(name) or "") for name in TEXT_FIELDS}
    byline_type = ContentType.objects.get_for_model(Byline)
    photo_type = ContentType.objects.get_for_model(Photo)
    related = {byline_type.pk: [], photo_type.pk: []}
    for other in version.revision.version_set.all():
        if other.content_type_id in related:
            row = other.field_dict
            if row.get("article_id") == article_pk:
                related[other.content_type_id].append(row)
    bylines = sorted(related[byline_type.pk], key=_by_position)
    photos = sorted(related[photo_type.pk], key=_by_position)
    snapshot["bylines"] = "\n".join(_byline_line(row) for row in bylines)
    snapshot["photos"] = "\n".join(_photo_line(row) for row in photos)
    return snapshot


def _by_position(row):
    return (row.get("position") or 0, row.get("id") or 0)


def snapshot_of_article(article):
    """The same text for the story as it is now."""
    snapshot = {name: str(getattr(article, name) or "") for name in TEXT_FIELDS}
    snapshot["bylines"] = "\n".join(
        _byline_line({"role": byline.role, "name": byline.name}) for byline in article.bylines.all()
    )
    snapshot["photos"] = "\n".join(
        _photo_line({"image": photo.image.name, "caption": photo.caption, "credit": photo.credit})
        for photo in article.photos.all()
    )
    return snapshot


def field_labels():
    labels = {name: Article._meta.get_field(name).verbose_name for name in TEXT_FIELDS}
    labels["bylines"] = _("bylines")
    labels["photos"] = _("photos")
    return labels


def compare(old_snapshot, new_snapshot):
    """A FieldDiff per field, in the story's order."""
    return [
        FieldDiff(label, compare_lines(old_snapshot.get(name, ""), new_snapshot.get(name, "")))
        for name, label in field_labels().items()
    ]
