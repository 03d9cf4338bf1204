"""Stories as one Word file, the way a paper's desk receives copy (python-docx).

Each story: the reporting union's label, 引题, 标题 and 副标题 (each in a paragraph style of
that name, so the paper's templates restyle them), the body with 本报讯 opening the first
paragraph and 小标题 intertitles, the writers' credit in parentheses on its own line, then the
photos embedded with their captions and credits. A story's column follows it, as on the
printed page (the importer reads it after the last story). Stories are separated by page
breaks. The importer reads such a file back into the same stories (tests/syndication).
"""

import io

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils import timezone
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from articles.body import INTERTITLE, parse
from articles.models import STAFF_REPORT_DATELINE
from news.templatetags.news_tags import without_leading_dash

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PHOTO_WIDTH = Cm(14)
SERIF = "宋体"
SANS = "黑体"

# Paragraph styles a paper's desk knows by these names: (name, East Asian font, size, bold,
# alignment).
STYLES = {
    "单位": (SANS, 10.5, False, WD_ALIGN_PARAGRAPH.LEFT),
    "引题": (SANS, 14, False, WD_ALIGN_PARAGRAPH.CENTER),
    "标题": (SANS, 22, True, WD_ALIGN_PARAGRAPH.CENTER),
    "副标题": (SANS, 14, False, WD_ALIGN_PARAGRAPH.CENTER),
    "正文": (SERIF, 12, False, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "小标题": (SANS, 12, True, WD_ALIGN_PARAGRAPH.LEFT),
    "署名": (SERIF, 12, False, WD_ALIGN_PARAGRAPH.RIGHT),
    "图片说明": (SERIF, 10.5, False, WD_ALIGN_PARAGRAPH.LEFT),
    "栏目": (SANS, 10.5, True, WD_ALIGN_PARAGRAPH.LEFT),
}


def _add_styles(document):
    for name, (font_name, size, bold, alignment) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.name = font_name
        # Word picks Chinese glyphs from the East Asian font, which python-docx does not set.
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font_name)
        style.paragraph_format.alignment = alignment
        style.paragraph_format.space_after = Pt(6)
        if name == "正文":
            style.paragraph_format.first_line_indent = Pt(size * 2)
            style.paragraph_format.line_spacing = 1.5
        if name == "图片说明":
            style.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _photo_bytes(photo):
    """The photo's largest JPEG rendition (the original if it has none), or None if missing."""
    jpegs = photo.renditions("jpeg")
    name = photo.image.name
    if jpegs:
        name = jpegs[-1].url.removeprefix(default_storage.base_url)
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except (FileNotFoundError, OSError):
        return None


def _caption(photo):
    credit = photo.credit.strip()
    if credit and not credit.endswith("摄"):
        credit += "/摄"
    return photo.caption.strip() + (f"\uff08{credit}\uff09" if credit else "")


def _add_story(document, article, *, with_column):
    document.add_paragraph(article.union.name, style="单位")
    if article.kicker:
        document.add_paragraph(article.kicker, style="引题")
    document.add_paragraph(article.headline, style="标题")
    if article.subheadline:
        subheadline = without_leading_dash(article.subheadline)
        document.add_paragraph("——" + subheadline, style="副标题")
    dateline = STAFF_REPORT_DATELINE if article.is_staff_report else ""
    for block in parse(article.body):
        if block.type == INTERTITLE:
            document.add_paragraph(block.text, style="小标题")
            continue
        paragraph = document.add_paragraph(style="正文")
        if dateline:
            paragraph.add_run(dateline).bold = True
            paragraph.add_run(" ")
            dateline = ""
        paragraph.add_run(block.text)
    credit = article.closing_credit()
    if credit:
        document.add_paragraph(credit, style="署名")
    # A photo news item closes with "姚佳佳/摄"; other stories credit photographers in captions.
    photo_credit = article.photo_credit()
    if photo_credit and article.genre == article.Genre.PHOTO:
        document.add_paragraph(photo_credit, style="署名")
    for photo in sorted(article.photos.all(), key=lambda p: (not p.is_lead, p.position, p.pk)):
        data = _photo_bytes(photo)
        if data is not None:
            document.add_picture(io.BytesIO(data), width=PHOTO_WIDTH)
        caption = _caption(photo)
        if caption:
            document.add_paragraph(caption, style="图片说明")
    if with_column and article.column:
        document.add_paragraph(f"【{article.column.name}】", style="栏目")


def build_docx(articles):
    """The .docx bytes of the stories, in the order given."""
    document = Document()
    _add_styles(document)
    document.core_properties.title = articles[0].headline if len(articles) == 1 else ""
    document.core_properties.created = timezone.now()
    for number, article in enumerate(articles):
        if number:
            document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        _add_story(document, article, with_column=number == len(articles) - 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def filename(articles):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if len(articles) == 1:
        return f"story-{articles[0].pk}-{stamp}.docx"
    return f"stories-{len(articles)}-{stamp}.docx"


def docx_response(articles):
    response = HttpResponse(build_docx(articles), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(articles)}"'
    return response
