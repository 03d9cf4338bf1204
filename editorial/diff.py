"""Side-by-side comparison of two versions of a story, every piece of text escaped."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Byline, Column
from editorial.forms import ArticleAdminForm
from photos.models import Photo
from unions.models import Union

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


# Two paragraphs this alike are one paragraph edited; less alike, one was removed and one added.
SAME_PARAGRAPH = 0.5


def _units(text):
    """The paragraphs of a body, or the lines of a list (bylines, photos); blank lines dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _align(old, new):
    """Pairs of a changed run: the most alike paragraphs paired, recursively, around them
    the rest deleted or inserted, so an inserted paragraph never shifts the ones after it.
    """
    if not old or not new:
        return [(paragraph, None) for paragraph in old] + [(None, paragraph) for paragraph in new]
    if len(old) == len(new) == 1:
        # One paragraph became another: however much changed, it is the same place in the story.
        return [(old[0], new[0])]
    best, best_i, best_j = SAME_PARAGRAPH, None, None
    for i, old_paragraph in enumerate(old):
        for j, new_paragraph in enumerate(new):
            matcher = SequenceMatcher(None, old_paragraph, new_paragraph, autojunk=False)
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
                ratio = matcher.ratio()
                if ratio > best:
                    best, best_i, best_j = ratio, i, j
    if best_i is None:
        return [(paragraph, None) for paragraph in old] + [(None, paragraph) for paragraph in new]
    return (
        _align(old[:best_i], new[:best_j])
        + [(old[best_i], new[best_j])]
        + _align(old[best_i + 1 :], new[best_j + 1 :])
    )


def compare_lines(old_text, new_text):
    """Rows of a side-by-side diff: paragraphs aligned, changed characters marked inside."""
    old_lines = _units(old_text)
    new_lines = _units(new_text)
    rows = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Row("equal", escape(line), escape(line)) for line in old_lines[i1:i2])
            continue
        for old, new in _align(old_lines[i1:i2], new_lines[j1:j2]):
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


def _filing(*, union_id, column_id, genre, is_staff_report, tag_ids):
    """The story's filing as text: union, column, genre, 本报讯 and themes, by their names."""
    union = Union.objects.filter(pk=union_id).values_list("name", flat=True).first()
    column = Column.objects.filter(pk=column_id).values_list("name", flat=True).first()
    themes = Tag.objects.filter(pk__in=tag_ids).order_by("name").values_list("name", flat=True)
    return {
        "union": union or "",
        "column": column or "",
        "genre": str(Article.Genre(genre).label) if genre in Article.Genre.values else genre,
        "is_staff_report": str(_("yes") if is_staff_report else _("no")),
        "themes": "\n".join(themes),
    }


def snapshot_of_version(version):
    """The text of a saved version: its fields and the bylines, photos and themes saved with it."""
    data = version.field_dict
    article_pk = int(version.object_id)
    snapshot = {name: str(data.get(name) or "") for name in TEXT_FIELDS}
    byline_type = ContentType.objects.get_for_model(Byline)
    photo_type = ContentType.objects.get_for_model(Photo)
    theme_type = ContentType.objects.get_for_model(ArticleTheme)
    related = {byline_type.pk: [], photo_type.pk: [], theme_type.pk: []}
    for other in version.revision.version_set.all():
        if other.content_type_id in related:
            row = other.field_dict
            if article_pk in (row.get("article_id"), row.get("content_object_id")):
                related[other.content_type_id].append(row)
    bylines = sorted(related[byline_type.pk], key=_by_position)
    photos = sorted(related[photo_type.pk], key=_by_position)
    snapshot["bylines"] = "\n".join(_byline_line(row) for row in bylines)
    snapshot["photos"] = "\n".join(_photo_line(row) for row in photos)
    snapshot.update(
        _filing(
            union_id=data.get("union_id"),
            column_id=data.get("column_id"),
            genre=data.get("genre") or "",
            is_staff_report=data.get("is_staff_report"),
            tag_ids=[row.get("tag_id") for row in related[theme_type.pk]],
        )
    )
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
    snapshot.update(
        _filing(
            union_id=article.union_id,
            column_id=article.column_id,
            genre=article.genre,
            is_staff_report=article.is_staff_report,
            tag_ids=ArticleTheme.objects.filter(content_object=article).values("tag_id"),
        )
    )
    return snapshot


# Every field an editor can change, in the form's order.
COMPARED_FIELDS = ArticleAdminForm.Meta.fields


def field_labels():
    labels = {name: Article._meta.get_field(name).verbose_name for name in COMPARED_FIELDS}
    labels["bylines"] = _("bylines")
    labels["photos"] = _("photos")
    return labels


def compare(old_snapshot, new_snapshot, names=None):
    """A FieldDiff per field (all, or those named), in the story's order."""
    return [
        FieldDiff(label, compare_lines(old_snapshot.get(name, ""), new_snapshot.get(name, "")))
        for name, label in field_labels().items()
        if names is None or name in names
    ]
