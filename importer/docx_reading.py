"""Word (.docx) files to text: one paragraph per block, in the order Word shows them."""

import io
import re
import zipfile

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from importer.decoding import normalise_line_breaks
from importer.exceptions import EmptyFileError, FileTooLargeError, NotWordFileError

WORD_DOCUMENT = "Word (.docx)"
# A .docx is a zip archive; refuse one that would unpack to more than this many times its
# size limit before python-docx unpacks it into memory (a "zip bomb").
UNPACKED_SIZE_FACTOR = 25


def read_docx(data, *, name="", max_bytes):
    """The text of a Word document, paragraphs separated by blank lines."""
    if not data.strip():
        raise EmptyFileError(source_name=name)
    _check_archive(data, name=name, max_unpacked=max_bytes * UNPACKED_SIZE_FACTOR)
    try:
        # python-docx (about 15 MB once imported) only in processes that read Word files.
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        # python-docx raises KeyError, ValueError, zipfile and lxml errors for files that are
        # zip archives but not Word documents; each means the same to the person uploading.
        raise NotWordFileError(source_name=name) from error
    text = normalise_line_breaks("\n\n".join(_paragraph_texts(document)))
    if not text.strip():
        raise EmptyFileError(source_name=name)
    return text


def _check_archive(data, *, name, max_unpacked):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise NotWordFileError(source_name=name) from error
    if "word/document.xml" not in names:
        raise NotWordFileError(source_name=name)
    if unpacked > max_unpacked:
        raise FileTooLargeError(
            _(
                "“%(name)s” unpacks to %(size)s; Word documents that unpack to up to "
                "%(limit)s can be imported."
            ),
            source_name=name,
            params={"size": filesizeformat(unpacked), "limit": filesizeformat(max_unpacked)},
        )


def _paragraph_texts(document):
    """Lines of the document in the order Word shows them, marked with what its styles and
    formatting say: "# " a headline, "——" a subheadline, "## " an intertitle, "| … |" a table
    row, PHOTO_MARK a photo's caption. Plain paragraphs stay plain text for the parser."""
    paragraphs = [_Paragraph(item) for item in document.iter_inner_content() if not _is_table(item)]
    uses_title_style = any(paragraph.kind == "title" for paragraph in paragraphs)
    pending_photos = 0  # pictures whose caption may come next
    for item in document.iter_inner_content():
        paragraph = None if _is_table(item) else _Paragraph(item)
        is_caption = paragraph is not None and (
            paragraph.kind == "caption" or (pending_photos and paragraph.is_centred_short)
        )
        if is_caption and paragraph.text:
            yield f"{PHOTO_MARK}{_one_line(paragraph.text)}"
            yield from [PHOTO_MARK] * (pending_photos - 1)
            pending_photos = 0
            continue
        yield from [PHOTO_MARK] * pending_photos
        pending_photos = 0
        if paragraph is None:
            yield from _table_rows(item._tbl)
            continue
        pending_photos = paragraph.photos
        yield paragraph.marked(uses_title_style=uses_title_style)
    yield from [PHOTO_MARK] * pending_photos


PHOTO_MARK = "[[photo]] "
_KICKER_STYLES = {"引题", "肩题", "眉题"}
_TITLE_STYLES = {"title", "标题", "主标题", "主题"}
_SUBTITLE_STYLES = {"subtitle", "副标题", "副题"}
_CAPTION_STYLES = {"caption", "题注", "图片说明", "图注"}
_INTERTITLE_STYLES = {"小标题", "小题", "intertitle"}
_COLUMN_STYLES = {"栏目", "栏目名"}
_HEADING = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
# Word's 三号 (16 pt) and larger is headline type; body copy is 五号 to 四号 (10.5-14 pt).
HEADLINE_MIN_POINTS = 15
SHORT_LINE = 40
INTERTITLE_MAX_LENGTH = 24
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*[”’」』）)]?$")


def _is_table(item):
    from docx.table import Table

    return isinstance(item, Table)


class _Paragraph:
    """One Word paragraph: its text as Word shows it (tracked insertions in, deletions out,
    soft line breaks as line breaks) and what its style and formatting say it is."""

    def __init__(self, paragraph):
        self.paragraph = paragraph
        self.text = _text_of(paragraph._p).strip(" \t\u3000\n")
        self.photos = len(paragraph._p.xpath(".//w:drawing | .//w:pict"))
        self.kind = _style_kind(paragraph.style)

    @property
    def is_centred(self):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        alignment = self.paragraph.alignment
        style = self.paragraph.style
        while alignment is None and style is not None:
            alignment = style.paragraph_format.alignment
            style = style.base_style
        return alignment == WD_ALIGN_PARAGRAPH.CENTER

    @property
    def is_short_title(self):
        return (
            0 < len(self.text) <= SHORT_LINE
            and "\n" not in self.text
            and not _SENTENCE_END.search(self.text)
        )

    @property
    def is_centred_short(self):
        return self.is_centred and 0 < len(self.text) <= SHORT_LINE * 2

    @property
    def is_bold(self):
        runs = [run for run in self.paragraph.runs if run.text.strip()]
        return bool(runs) and all(_run_bold(run, self.paragraph.style) for run in runs)

    @property
    def points(self):
        sizes = [run.font.size.pt for run in self.paragraph.runs if run.font.size]
        style = self.paragraph.style
        while not sizes and style is not None:
            if style.font.size:
                sizes = [style.font.size.pt]
            style = style.base_style
        return max(sizes, default=0)

    def marked(self, *, uses_title_style):
        text = self.text
        if not text:
            return ""
        heading = self.kind if isinstance(self.kind, int) else None
        if self.kind == "title" or (heading == 1 and not uses_title_style):
            return f"# {_one_line(text)}"
        if self.kind == "subtitle":
            return text if text.startswith(("—", "-")) else f"——{_one_line(text)}"
        if self.kind in {"kicker", "column"}:
            # A column's name is read as a line of its own ("【劳动者之声】"), never a title.
            return _one_line(text)
        if heading:
            return f"## {_one_line(text)}"
        if (
            self.is_short_title
            and self.is_centred
            and (self.points >= HEADLINE_MIN_POINTS or self.is_bold)
        ):
            return f"# {text}"
        if self.is_short_title and self.is_bold and len(text) <= INTERTITLE_MAX_LENGTH:
            return f"## {text}"
        return text


def _style_kind(style):
    """ "title", "subtitle", "kicker", "caption", "column", a heading level, or None, from the
    paragraph's style or the styles it is based on."""
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() in _TITLE_STYLES:
            return "title"
        if name.lower() in _SUBTITLE_STYLES:
            return "subtitle"
        if name in _KICKER_STYLES:
            return "kicker"
        if name.lower() in _CAPTION_STYLES:
            return "caption"
        if name.lower() in _INTERTITLE_STYLES:
            return 2
        if name in _COLUMN_STYLES:
            return "column"
        heading = _HEADING.match(name)
        if heading:
            return int(heading.group(1))
        style = style.base_style
    return None


def _run_bold(run, style):
    if run.bold is not None:
        return run.bold
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        style = style.base_style
    return False


def _one_line(text):
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REMOVED = {f"{_W}del", f"{_W}moveFrom"}


def _text_of(element):
    """The text of a paragraph (or cell) as Word shows it with changes accepted: tracked
    insertions in, deletions out; soft line breaks become line breaks, tabs spaces."""
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab"):
        if any(ancestor.tag in _REMOVED for ancestor in node.iterancestors()):
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(table):
    """Each row of a table as one line "| cell | cell |": every cell once. A cell merged
    across columns is one w:tc; a cell merged down rows is read where the merge starts."""
    rows = list(table.iterchildren(f"{_W}tr"))
    if all(len(row.findall(f"{_W}tc")) <= 1 for row in rows):
        # A one-column table is a box around copy, not a table: its paragraphs are copy.
        for cell in table.iter(f"{_W}tc"):
            for paragraph in cell.iterchildren(f"{_W}p"):
                yield _text_of(paragraph).strip()
        return
    for row in rows:
        cells, nested = [], []
        for cell in row.iterchildren(f"{_W}tc"):
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                cells.append("")  # read where the merge starts; the column stays in place
                continue
            texts = []
            for child in cell:
                if child.tag == f"{_W}p":
                    texts.append(_one_line(_text_of(child)))
                elif child.tag == f"{_W}tbl":
                    nested.append(child)
            cells.append(" ".join(text for text in texts if text))
        if any(cells):
            yield "| " + " | ".join(cells) + " |"
        for table_inside in nested:
            yield from _table_rows(table_inside)
