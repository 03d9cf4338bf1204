"""Word files: paragraphs become text blocks; what is not a Word file is refused."""

import io
import json
from io import StringIO

import docx
import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.importer.conftest import fw

pytestmark = pytest.mark.django_db


def word_file(paragraphs, *, table=None):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=1)
        for row, text in zip(grid.rows, table, strict=True):
            row.cells[0].text = text
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def import_json(path, *options):
    out, err = StringIO(), StringIO()
    call_command("import_page", str(path), "--json", *options, stdout=out, stderr=err)
    return json.loads(out.getvalue())["stories"], err.getvalue()


def test_a_word_file_imports_like_plain_text(write_file, cities):
    path = write_file(
        "稿件.docx",
        word_file(
            [
                "铜陵市总工会",
                "困难职工帮扶座谈会召开",
                "本报讯(记者 陈雪)4月13日,铜陵市总工会召开困难职工帮扶工作座谈会。",
                "会议部署了今年的帮扶工作,",
                "要求做到应帮尽帮。",
                "(本报记者 陈雪 通讯员 王志刚)",
            ]
        ),
    )
    stories, err = import_json(path)
    assert stories == [
        {
            "headline": "困难职工帮扶座谈会召开",
            "kicker": "",
            "subheadline": "",
            "union": "铜陵市总工会",
            "genre": "news",
            "staff_report": True,
            "bylines": [
                {"name": "陈雪", "role": "reporter"},
                {"name": "王志刚", "role": "correspondent"},
            ],
            "body": [
                {
                    "type": "paragraph",
                    "text": fw("4月13日,铜陵市总工会召开困难职工帮扶工作座谈会。"),
                },
                {"type": "paragraph", "text": fw("会议部署了今年的帮扶工作,要求做到应帮尽帮。")},
            ],
            "column": "",
            "editors_note": "",
            "dateline": "",
        }
    ]
    assert "Word 文档" in err and "编码" not in err
    assert Article.objects.get().union == cities["铜陵"]


def test_paragraphs_in_tables_are_read_in_document_order(write_file, cities):
    path = write_file(
        "table.docx",
        word_file(
            ["职工书屋开放", "本报讯 职工书屋开放了。"], table=["书屋共有图书三千册。(陈雪)"]
        ),
    )
    stories, _err = import_json(path, "--dry-run")
    [story] = stories
    assert [block["text"] for block in story["body"]] == [
        "职工书屋开放了。",
        "书屋共有图书三千册。",
    ]
    assert story["bylines"] == [{"name": "陈雪", "role": "author"}]


def test_an_empty_word_file_is_refused(write_file, province):
    with pytest.raises(CommandError, match="是空文件"):
        import_json(write_file("empty.docx", word_file([])))


def test_a_word_file_that_unpacks_to_far_more_than_the_limit_is_refused(
    write_file, province, settings
):
    settings.IMPORT_MAX_BYTES = 100_000
    content = word_file(["标题"] + ["正文。" * 100] * 3000)
    assert len(content) < settings.IMPORT_MAX_BYTES
    with pytest.raises(CommandError, match="解压后"):
        import_json(write_file("bomb.docx", content))
    assert Article.objects.count() == 0


def test_a_word_file_and_a_text_file_with_the_same_copy_give_the_same_stories(write_file, cities):
    copy = """芜湖市总工会
聚焦职工急难愁盼
芜湖“工会驿站”实现全覆盖
——户外劳动者有了“歇脚地”

本报讯(记者 张晓东 通讯员 李明华)近日,芜湖市已建成工会驿站300个,为户外劳动者提供

饮水、休息等服务。(本报记者 张晓东 王丽 通讯员 李明华)

春耕时节劳模忙

4月12日,全国劳动模范张建国在田间指导农民春耕。通讯员 王五一 摄
"""
    from_text, _err = import_json(write_file("page.txt", copy), "--dry-run")
    from_word, _err = import_json(
        write_file("page.docx", word_file(copy.splitlines())), "--dry-run"
    )
    assert from_word == from_text
    assert [story["genre"] for story in from_word] == ["feature", "photo"]
    assert from_word[0]["kicker"] == "聚焦职工急难愁盼"
    assert from_word[0]["body"] == [
        {
            "type": "paragraph",
            "text": fw("近日,芜湖市已建成工会驿站300个,为户外劳动者提供饮水、休息等服务。"),
        }
    ]
    assert from_word[1]["bylines"] == [{"name": "王五一", "role": "photographer"}]
