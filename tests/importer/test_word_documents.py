"""Word files read as documents: styles, bold and centred lines, tables (every cell once),
tracked changes, soft line breaks, photos; and a Word file imported twice creates nothing."""

import io
import json
from io import StringIO
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from articles.models import Article
from importer.docx_reading import read_docx
from importer.models import ImportedStory
from importer.parser import parse_page
from importer.punctuation import normalise

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent / "corpus"


def saved(document):
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def text_of(document):
    return read_docx(saved(document), name="test.docx", max_bytes=10_000_000)


def run_json(path, *options):
    out, err = StringIO(), StringIO()
    call_command("import_page", str(path), "--json", *options, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def test_every_cell_of_a_table_with_merged_cells_is_read_once():
    """Regression: merged cells were de-duplicated by id() of lxml proxies, which Python
    reuses, so distinct cells vanished (and duplicate detection saw different text)."""
    document = docx.Document()
    rows = 60
    table = document.add_table(rows=rows, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "全市职工技能竞赛获奖名单"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "一等奖"
    for row in range(1, rows):
        for column in range(1, 4):
            table.cell(row, column).text = f"选手{row}-{column}"
    text = text_of(document)
    assert text.count("全市职工技能竞赛获奖名单") == 1
    assert text.count("一等奖") == 1
    for row in range(1, rows):
        for column in range(1, 4):
            assert text.count(f" 选手{row}-{column} |") == 1
    lines = [line for line in text.split("\n") if line.startswith("|")]
    assert len(lines) == rows
    assert lines[2] == "|  | 选手2-1 | 选手2-2 | 选手2-3 |"  # under the vertical merge


def test_reading_the_same_table_twice_gives_the_same_text():
    document = docx.Document()
    table = document.add_table(rows=30, cols=3)
    for row in range(30):
        table.cell(row, 0).merge(table.cell(row, 1)).text = f"单位{row}"
        table.cell(row, 2).text = f"{row}人"
    content = saved(document)
    first = read_docx(content, name="a.docx", max_bytes=10_000_000)
    assert first == read_docx(content, name="a.docx", max_bytes=10_000_000)
    assert all(f"| 单位{row} | {row}人 |" in first for row in range(30))


def test_tracked_changes_keep_the_inserted_text_and_drop_the_deleted():
    text = read_docx(
        (CORPUS / "07_reporter_feature.docx").read_bytes(), name="07.docx", max_bytes=10_000_000
    )
    assert "已有成员18人" in text
    assert "15人" not in text


def test_styles_bold_and_centred_lines_mark_headlines_and_intertitles():
    document = docx.Document()
    document.add_paragraph("宿州市总工会").alignment = WD_ALIGN_PARAGRAPH.CENTER
    headline = document.add_paragraph()
    headline.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = headline.add_run("职工书屋开进车间")
    run.bold, run.font.size = True, Pt(16)
    document.add_paragraph("本报讯 近日，职工书屋开进车间。")
    document.add_paragraph().add_run("书香飘满班组").bold = True
    document.add_heading("一线工人爱读书", level=2)
    soft = document.add_paragraph("工人们利用休息时间")
    soft.add_run().add_break(WD_BREAK.LINE)
    soft.add_run("读书学习。（陈雪）")
    assert text_of(document).split("\n\n") == [
        "宿州市总工会",
        "# 职工书屋开进车间",
        "本报讯 近日，职工书屋开进车间。",
        "## 书香飘满班组",
        "## 一线工人爱读书",
        "工人们利用休息时间\n读书学习。（陈雪）",
    ]


def test_a_word_file_is_read_as_a_document(write_file, cities):
    output, err = run_json(CORPUS / "07_reporter_feature.docx", "--dry-run")
    [story] = output["stories"]
    assert (story["kicker"], story["headline"]) == ("扎根一线三十年", "焊花里绽放的“工匠之光”")
    assert story["subheadline"].startswith("记全国五一劳动奖章获得者")
    intertitles = [block["text"] for block in story["body"] if block["type"] == "intertitle"]
    assert intertitles == ["从学徒到“焊王”", "带出一支“金牌团队”"]
    paragraphs = [block["text"] for block in story["body"] if block["type"] == "paragraph"]
    # The soft line break joins the two halves of one paragraph.
    assert "他就留在车间练习" in paragraphs[1]
    # The table is kept as text the editor sees, a row per paragraph.
    assert "技术革新 | 发明专利 | 培养技师" in paragraphs
    assert {"name": "陈雪", "role": "photographer"} in story["bylines"]
    assert "1 张图片未导入：请在稿件中补上。" in " ".join(output["warnings"])
    assert "1 张图片未导入" in err


def test_reimporting_the_same_word_file_creates_nothing(demo_unions, desk_editor):
    path = CORPUS / "08_correspondent_two_stories.docx"
    call_command("import_page", str(path), "--user", "desk-editor", stdout=StringIO())
    assert Article.objects.count() == 2
    out = StringIO()
    call_command("import_page", str(path), "--user", "desk-editor", stdout=out)
    assert Article.objects.count() == 2
    assert ImportedStory.objects.count() == 2
    assert "2 篇稿件已经存在，没有重复导入。" in out.getvalue()


def test_a_newspapers_word_file_in_its_own_styles_is_read(cities):
    document = docx.Document()
    for name in ("单位", "引题", "标题", "副标题", "正文", "小标题", "署名", "图片说明", "栏目"):
        document.styles.add_style(name, 1)  # a paragraph style
    document.add_paragraph("宿州市总工会", style="单位")
    document.add_paragraph("职工之家里学本领", style="引题")
    document.add_paragraph("技能夜校开课了", style="标题")
    document.add_paragraph("——宿州为一线职工开设夜间课堂", style="副标题")
    opening = document.add_paragraph(style="正文")
    opening.add_run("本报讯").bold = True
    opening.add_run(" 近日，宿州市总工会技能夜校开课。")
    document.add_paragraph("课程丰富", style="小标题")
    document.add_paragraph("夜校开设电工、焊工等课程。", style="正文")
    document.add_paragraph("（本报记者 陈雪 通讯员 王志刚）", style="署名")
    document.add_paragraph("学员在夜校练习接线。（姚佳佳/摄）", style="图片说明")
    document.add_paragraph("【一线故事】", style="栏目")
    [story] = parse_page(normalise(text_of(document))).stories
    assert (story.union_label, story.kicker, story.headline) == (
        "宿州市总工会",
        "职工之家里学本领",
        "技能夜校开课了",
    )
    assert story.subheadline == "宿州为一线职工开设夜间课堂"
    assert story.staff_report and story.body[0].text == "近日，宿州市总工会技能夜校开课。"
    assert [block.text for block in story.body if block.type == "intertitle"] == ["课程丰富"]
    assert story.bylines == [
        ("陈雪", "reporter"),
        ("王志刚", "correspondent"),
        ("姚佳佳", "photographer"),
    ]
    assert story.photos == ["学员在夜校练习接线。（姚佳佳/摄）"]
    assert story.column == "一线故事"
