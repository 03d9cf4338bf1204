"""python manage.py import_page: encodings, bad input, dry runs, duplicates, unions, owners."""

import io
import json
import zipfile
from io import StringIO

import pytest
import reversion
from django.core.management import CommandError, call_command
from reversion.models import Version

from articles.models import Article, Byline, Column
from editorial.models import ArticleEvent
from editorial.roles import REPORTER
from importer.models import ImportedStory
from search.models import SearchDocument
from tests.factories import make_column, make_union, make_user
from tests.importer.conftest import desk_member, fw
from unions.models import Union

pytestmark = pytest.mark.django_db

PAGE = """宿州市总工会

送法进企业

本报讯(记者 陈雪)近日,宿州市总工会开展送法进企业活动,为职工讲解劳动合同法。

活动共发放资料500余份。(通讯员 王志刚)

工会驿站建成

淮北市总工会建成的工会驿站投入使用,户外劳动者有了歇脚的地方。(黄元明)
"""


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_page", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_json(*args):
    """The stories --json prints, and the report on standard error."""
    out, err = run(*args, "--json")
    return json.loads(out)["stories"], err


def refused(*args):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert Article.objects.count() == 0
    assert ImportedStory.objects.count() == 0
    return str(error.value)


def test_imports_stories_as_drafts_owned_by_the_user(write_file, cities):
    desk = reporter_named("desk")
    out, _err = run(write_file("page.txt", PAGE), "--user", "desk")

    first, second = Article.objects.order_by("pk")
    assert (first.headline, first.union, first.status, first.created_by) == (
        "送法进企业",
        cities["宿州"],
        "draft",
        desk,
    )
    assert [(b.name, b.role) for b in first.bylines.all()] == [
        ("陈雪", "reporter"),
        ("王志刚", "correspondent"),
    ]
    assert second.union == cities["淮北"]  # named in the text
    assert "page.txt(UTF-8)" in out.replace("\uff08", "(").replace("\uff09", ")")
    assert "已创建 2 篇草稿。" in out
    change_url = f"/admin/articles/article/{first.pk}/change/"
    assert f"送法进企业 · 新闻 · 宿州市总工会 · 陈雪 王志刚 · 已创建 {change_url}" in out


def test_the_json_output_holds_stories_leftovers_and_warnings_and_the_report_goes_to_stderr(
    write_file, cities
):
    page = "第3版 市县工会\n\n本版稿件均由各地工会提供。\n\n" + PAGE
    out, err = run(write_file("page.txt", page), "--dry-run", "--json")
    output = json.loads(out)
    assert list(output) == ["stories", "leftover", "warnings"]
    assert output["leftover"] == ["本版稿件均由各地工会提供。"]
    assert output["warnings"] == [
        "page.txt：报头“第3版 市县工会”已读取，不作为稿件。",
        "page.txt：1 行不属于任何稿件，不会导入。",
    ]
    stories = output["stories"]
    assert stories == [
        {
            "headline": "送法进企业",
            "kicker": "",
            "subheadline": "",
            "union": "宿州市总工会",
            "genre": "news",
            "staff_report": True,
            "bylines": [
                {"name": "陈雪", "role": "reporter"},
                {"name": "王志刚", "role": "correspondent"},
            ],
            "body": [
                {
                    "type": "paragraph",
                    "text": fw("近日,宿州市总工会开展送法进企业活动,为职工讲解劳动合同法。"),
                },
                {"type": "paragraph", "text": "活动共发放资料500余份。"},
            ],
            "column": "",
            "editors_note": "",
            "dateline": "",
        },
        {
            "headline": "工会驿站建成",
            "kicker": "",
            "subheadline": "",
            "union": "淮北市总工会",
            "genre": "news",
            "staff_report": False,
            "bylines": [{"name": "黄元明", "role": "author"}],
            "body": [
                {
                    "type": "paragraph",
                    "text": fw("淮北市总工会建成的工会驿站投入使用,户外劳动者有了歇脚的地方。"),
                }
            ],
            "column": "",
            "editors_note": "",
            "dateline": "",
        },
    ]
    assert "试运行" in err


def test_the_json_output_keeps_chinese_unescaped(write_file, cities):
    out, _err = run(write_file("page.txt", PAGE), "--dry-run", "--json")
    assert "送法进企业" in out and "\\u" not in out


def test_a_dry_run_writes_nothing(write_file, cities):
    page = PAGE + "\n扶贫村里的故事\n"
    out, _err = run(write_file("page.txt", page), "--dry-run")
    assert "将创建 2 篇草稿" in out
    assert Article.objects.count() == 0
    assert Byline.objects.count() == 0
    assert ImportedStory.objects.count() == 0
    assert Column.objects.count() == 0


def test_importing_the_same_copy_again_creates_nothing_and_names_what_exists(write_file, cities):
    path = write_file("page.txt", PAGE)
    run(path)
    first, second = Article.objects.order_by("pk")

    out, _err = run(path)
    assert Article.objects.count() == 2
    assert "已创建 0 篇草稿。" in out
    assert "2 篇稿件已经存在" in out
    assert f"/admin/articles/article/{first.pk}/change/" in out
    assert f"/admin/articles/article/{second.pk}/change/" in out

    # The same copy without punctuation normalisation, re-wrapped, is still the same copy.
    rewrapped = write_file("again.txt", PAGE.replace("\n\n", "\n"))
    run(rewrapped, "--no-punctuation")
    assert Article.objects.count() == 2


def test_a_deleted_story_can_be_imported_again(write_file, cities):
    path = write_file("page.txt", PAGE)
    run(path)
    Article.objects.filter(headline="送法进企业").delete()
    run(path)
    assert Article.objects.filter(headline="送法进企业").count() == 1


def test_a_story_given_twice_in_one_import_is_created_once(write_file, cities):
    out, _err = run(write_file("one.txt", PAGE), write_file("two.txt", PAGE))
    assert Article.objects.count() == 2
    assert "与本次导入中前面的稿件重复" in out


def test_a_file_is_imported_whole_or_not_at_all(write_file, cities):
    message = refused(write_file("good.txt", PAGE), write_file("bad.txt", b""))
    assert "bad.txt" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "是空文件"),
        ("blank.txt", b" \n\r\n\t", "是空文件"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是文本文件"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00\x00", "不是文本文件"),
        ("latin1.txt", "标题\n\n".encode() + b"caf\xe9\n", "无法读取"),
        ("page.docx", "标题\n\n正文。".encode(), "不是 Word 文档"),
        ("page.pdf", b"%PDF-1.4", "只能导入 .txt 和 .docx 文件"),
        ("page.doc", b"\xd0\xcf\x11\xe0", "旧版 Word 文档"),
        ("page", "标题\n\n正文。".encode(), "只能导入 .txt 和 .docx 文件"),
        ("nostory.txt", "只有一段正文,没有标题。".encode(), "没有找到稿件"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(
    write_file, province, name, content, expected
):
    message = refused(write_file(name, content))
    assert name in message
    assert expected in message


def test_a_zip_that_is_not_a_word_document_is_refused(write_file, province):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("hello.txt", "hello")
    assert "不是 Word 文档" in refused(write_file("fake.docx", archive.getvalue()))


def test_a_file_over_the_limit_is_refused(write_file, province, settings):
    settings.IMPORT_MAX_BYTES = 64
    message = refused(write_file("long.txt", PAGE))
    assert "long.txt" in message and "太大" in message and "64" in message


def test_the_default_limit_is_two_megabytes(write_file, province):
    huge = ("标题\n\n" + "正文。" * 300_000).encode()  # 2.7 MB of UTF-8
    assert "太大" in refused(write_file("huge.txt", huge))


def reporter_named(username):
    """The owner of imported drafts must be allowed to file stories, as in the admin."""
    return desk_member(REPORTER, username)


def test_a_user_who_may_not_file_stories_is_refused_and_nothing_is_written(write_file, cities):
    make_user("visitor")
    assert "您无权写稿" in refused(write_file("page.txt", PAGE), "--user", "visitor")
    assert not Article.objects.exists()


def test_a_missing_file_unknown_user_or_unknown_union_is_refused(write_file, province):
    assert "不是文件" in refused("/nonexistent/page.txt")
    path = write_file("page.txt", PAGE)
    assert "没有用户“nobody”" in refused(path, "--user", "nobody")
    assert "没有工会“火星”" in refused(path, "--union", "火星")


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("gb18030", "GB18030"), ("gbk", "GBK"), ("utf-8-sig", "UTF-8 (BOM)"), ("utf-16", "UTF-16")],
)
def test_text_files_in_each_encoding_are_detected_and_named(write_file, cities, encoding, label):
    page = PAGE
    if encoding == "gb18030":
        # 𠮷 (U+20BB7) is beyond GBK: only GB18030's four-byte sequences hold it.
        page = PAGE.replace("黄元明", "黄𠮷明")
    stories, err = run_json(write_file("page.txt", page.encode(encoding)), "--dry-run")
    assert [story["headline"] for story in stories] == ["送法进企业", "工会驿站建成"]
    assert f"{label}" in err
    if encoding == "gb18030":
        assert stories[1]["bylines"] == [{"name": "黄𠮷明", "role": "author"}]


def test_a_gbk_file_is_not_mistaken_for_utf8(write_file, cities):
    _stories, err = run_json(write_file("page.txt", PAGE.encode("gbk")), "--dry-run")
    assert "GBK" in err and "UTF-8" not in err


def test_an_unknown_union_label_is_reported_and_never_created(write_file, cities):
    page = "泗县总工会\n\n送法进乡村\n\n本报讯 近日,送法进乡村活动举行。(陈雪)\n"
    unions_before = Union.objects.count()
    stories, err = run_json(write_file("page.txt", page), "--dry-run")
    assert stories[0]["union"] == ""
    assert "未知工会" in err and "泗县总工会" in err
    # Without --union such copy is refused; with it, the story goes where the desk says.
    assert "送法进乡村" in refused(write_file("page.txt", page))
    run(write_file("page.txt", page), "--union", "宿州")
    assert Union.objects.count() == unions_before
    assert Article.objects.get().union == cities["宿州"]


def test_labels_match_by_short_name_and_by_the_end_of_a_longer_name(write_file, cities):
    make_union("泗县总工会", parent=cities["宿州"], kind="county", short_name="泗县")
    page = (
        "宿州总工会\n\n第一条\n\n本报讯 正文一。(陈雪)\n\n"
        "宿州市泗县总工会\n\n第二条\n\n本报讯 正文二。(陈雪)\n"
    )
    stories, _err = run_json(write_file("page.txt", page), "--dry-run")
    assert [story["union"] for story in stories] == ["宿州市总工会", "泗县总工会"]


def test_stories_naming_no_union_go_under_the_chosen_union(write_file, cities):
    page = "一条消息\n\n本报讯 近日,一场活动举行。(陈雪)\n"
    run(write_file("page.txt", page), "--union", "宿州")
    assert Article.objects.get().union == cities["宿州"]


def test_stories_naming_no_union_are_refused_without_union_never_filed_at_the_top(
    write_file, province
):
    path = write_file("page.txt", "一条消息\n\n本报讯 近日,一场活动举行。(陈雪)\n")
    stories, _err = run_json(path, "--dry-run")
    assert stories[0]["union"] == ""
    assert "一条消息" in refused(path)


def test_an_existing_column_is_used_and_a_new_one_is_created(write_file, cities):
    existing = make_column("扶贫村里的故事")
    run(write_file("a.txt", PAGE + "\n扶贫村里的故事\n"))
    assert Article.objects.order_by("pk").last().column == existing
    out, _err = run(
        write_file("b.txt", "劳模的故事\n\n正文。(陈雪)\n\n劳模风采\n"), "--union", "宿州"
    )
    assert fw("新栏目:劳模风采") in out
    assert Article.objects.get(headline="劳模的故事").column.name == "劳模风采"
    assert Column.objects.count() == 2


def test_an_imported_story_starts_its_revision_history(write_file, cities):
    """When the workflow keeps revisions of stories, the import is the first one."""
    if not reversion.is_registered(Article):
        pytest.skip("stories are not kept under revision control")
    desk = reporter_named("desk")
    run(write_file("page.txt", PAGE), "--user", "desk")
    article = Article.objects.get(headline="送法进企业")
    [version] = Version.objects.get_for_object(article)
    assert version.revision.user == desk
    assert "page.txt" in version.revision.comment


def test_an_imported_story_is_on_the_record_and_in_the_search_index(write_file, cities):
    desk = reporter_named("desk")
    run(write_file("page.txt", PAGE), "--user", "desk")
    article = Article.objects.get(headline="送法进企业")
    [event] = ArticleEvent.objects.filter(article=article)
    assert (event.kind, event.actor, event.to_status) == ("created", desk, "draft")
    document = SearchDocument.objects.get(article=article)
    assert "送法进企业" in document.text and "王志刚" in document.text


def test_windows_line_endings_read_like_unix_ones(write_file, cities):
    unix, _err = run_json(write_file("unix.txt", PAGE), "--dry-run")
    windows, _err = run_json(write_file("windows.txt", PAGE.replace("\n", "\r\n")), "--dry-run")
    assert windows == unix


def test_a_page_whose_stories_name_no_union_files_them_all_under_the_chosen_one(write_file, cities):
    page = """职工运动会开幕

本报讯 近日,一场职工运动会开幕,500余名职工参赛。(陈雪)

书香飘进车间

本报讯 近日,职工书屋走进生产车间。(黄元明)
"""
    stories, err = run_json(write_file("page.txt", page), "--union", "宿州市总工会")
    assert [story["union"] for story in stories] == ["", ""]
    assert err.count("未注明工会") == 2 and err.count("归入宿州市总工会") == 2
    assert [article.union for article in Article.objects.order_by("pk")] == [cities["宿州"]] * 2
