"""Build the corpus's Word files the way reporters write them (python-docx).

    .venv/bin/python tests/importer/corpus/make_word_files.py

07: a staff reporter's feature with Word's own styles (a 引题 style, Title, a 副标题 style,
Heading 2), a bold intertitle, a soft line break, tracked changes, a table with merged cells and
a photo with its caption. 08: a correspondent's file of two stories with no styles at all:
centred, bold, large headlines, a union label, a vertically merged table, a photo.
The files are committed; run this again only to change them.
"""

import io
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image

HERE = Path(__file__).resolve().parent
# Fixed properties, so that the files do not change when rebuilt.
CORE = {"author": "陈雪", "title": "", "comments": ""}


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (180, 120, 60)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def new_document():
    document = docx.Document()
    document.core_properties.author = CORE["author"]
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    return document


def paragraph_style(document, name, *, size, bold=False, centred=True):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    if centred:
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return style


def tracked(paragraph, *, kept, deleted, inserted, rest):
    """A sentence with a tracked deletion and insertion, as Word's "Track changes" writes it."""
    paragraph.add_run(kept)
    for tag, text, text_tag in (("w:del", deleted, "w:delText"), ("w:ins", inserted, "w:t")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:del" else "2")
        change.set(qn("w:author"), "王志刚")
        change.set(qn("w:date"), "2026-11-20T09:00:00Z")
        run = OxmlElement("w:r")
        text_element = OxmlElement(text_tag)
        text_element.text = text
        run.append(text_element)
        change.append(run)
        paragraph._p.append(change)
    paragraph.add_run(rest)


def reporter_feature():
    document = new_document()
    paragraph_style(document, "引题", size=14)
    paragraph_style(document, "副标题", size=14)
    document.add_paragraph("扎根一线三十年", style="引题")
    document.add_paragraph("焊花里绽放的“工匠之光”", style="Title")
    document.add_paragraph("——记全国五一劳动奖章获得者、蚌埠市建筑业工会会员张建国", style="副标题")
    byline = document.add_paragraph("本报记者 陈雪 通讯员 王志刚")
    byline.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        "凌晨五点，蚌埠高铁新城的一处钢结构工地上，52岁的焊工张建国已经戴上了面罩。"
        "三十年来，他焊过的焊缝加起来有几十公里长，一次探伤合格率始终保持在99%以上。"
    )
    document.add_heading("从学徒到“焊王”", level=2)
    soft = document.add_paragraph("1996年，张建国进入建筑公司当学徒。别人下班休息，他就")
    soft.add_run().add_break(WD_BREAK.LINE)
    soft.add_run("留在车间练习，一块钢板反复焊、反复磨，手上烫出的疤一个连着一个。")
    document.add_paragraph(
        "2015年，他在全省建筑业职工技能大赛中获得焊工第一名，被工友们称为“焊王”。"
    )
    intertitle = document.add_paragraph()
    intertitle.add_run("带出一支“金牌团队”").bold = True
    tracked(
        document.add_paragraph(),
        kept="如今，张建国的创新工作室已有成员",
        deleted="15",
        inserted="18",
        rest="人，他带出的徒弟中有8人获评省级技术能手。",
    )
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "张建国创新工作室成果（2021—2026年）"
    for column, text in enumerate(["技术革新", "发明专利", "培养技师"]):
        table.cell(1, column).text = text
    for column, text in enumerate(["46项", "12项", "30名"]):
        table.cell(2, column).text = text
    document.add_picture(photo(), width=Cm(8))
    caption = document.add_paragraph(
        "张建国（右）在工地指导徒弟焊接。记者 陈雪 摄", style="Caption"
    )
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        "“焊缝就是良心，一丝一毫都马虎不得。”这是张建国常挂在嘴边的一句话，"
        "也是他带给每一个徒弟的第一课。"
    )
    return document


def centred(document, text, *, size=12, bold=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    return paragraph


def correspondent_stories():
    document = new_document()
    centred(document, "宿州市立医院工会")
    centred(document, "医护职工的“暖心小屋”开张了", size=16, bold=True)
    document.add_paragraph(
        "本报讯 11月12日，宿州市立医院工会“暖心小屋”正式启用，夜班医护人员下班后"
        "有了一个可以热饭、小憩、看书的地方。"
    )
    document.add_paragraph("小屋分为休息区和用餐区，配备的设施如下：")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "区域"
    table.cell(0, 1).text = "设施"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "休息区和用餐区"
    table.cell(1, 1).text = "沙发、按摩椅、书架"
    table.cell(2, 1).text = "微波炉、冰箱、饮水机"
    document.add_picture(photo(), width=Cm(8))
    centred(document, "医护人员在“暖心小屋”里休息。通讯员 刘敏 摄")
    document.add_paragraph(
        "医院工会主席介绍，下一步将在各病区护士站设立“暖心角”，让一线医护人员随时能喝上"
        "一口热水。（宿州市立医院工会 刘敏）"
    )
    centred(document, "泗县：“订单式”培训助农民工就业", size=16, bold=True)
    body = document.add_paragraph("11月15日，泗县总工会举办的第三期“订单式”电工培训班结业，")
    body.add_run().add_break(WD_BREAK.LINE)
    body.add_run("42名返乡农民工全部与县内企业签订了劳动合同。")
    document.add_paragraph(
        "今年以来，县总工会根据企业用工需求“量身定制”培训课程，已举办各类培训班11期，"
        "帮助380余名农民工实现家门口就业。（泗县总工会 张楠）"
    )
    return document


def main():
    for name, build in (
        ("07_reporter_feature.docx", reporter_feature),
        ("08_correspondent_two_stories.docx", correspondent_stories),
    ):
        build().save(HERE / name)
        print(HERE / name)


if __name__ == "__main__":
    main()
