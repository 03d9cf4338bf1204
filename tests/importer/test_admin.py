"""The admin's "Import copy" page, through HTTP as an editor uses it."""

import io
import re
import zipfile
from datetime import timedelta

import docx
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Column
from editorial.models import ArticleEvent
from importer.models import ImportBatch, ImportedStory
from tests.factories import make_article, make_user
from tests.importer.conftest import SEED_PAGE, fw, grant

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/import/"
PAGE = """宿州市总工会

送法进企业

本报讯(记者 陈雪)近日,宿州市总工会开展送法进企业活动。(通讯员 王志刚)

四点半课堂开班

本报讯 近日,黄山市总工会在社区开办四点半课堂。(王士哲)
"""
# A story whose union is not in the table: the editor picks one in the preview.
UNKNOWN_UNION_PAGE = """四点半课堂开班

本报讯 近日,黄山市黄山区龙西社区工会开办四点半课堂。(王士哲)
"""


def upload(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def upload_files(client, *files, **fields):
    return client.post(UPLOAD_URL, {"files": list(files), "normalise_punctuation": "on", **fields})


def text_of(response):
    """The page's visible text, tags stripped, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_permission_to_add_stories_are_refused(client, staff_without_add, province):
    client.force_login(staff_without_add)
    assert client.get(UPLOAD_URL).status_code == 403
    response = upload_files(client, upload("page.txt", PAGE))
    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_an_account_that_may_add_stories_but_is_not_staff_is_sent_to_login(client, province):
    outsider = grant(make_user("not-staff"), "add_article")
    client.force_login(outsider)
    assert client.get(UPLOAD_URL).status_code == 302


def test_the_upload_page_looks_like_the_admin(editor_client, province):
    response = editor_client.get(UPLOAD_URL)
    assert response.status_code == 200
    page = text_of(response)
    assert "导入稿件" in page
    assert 'type="file"' in response.content.decode() and "multiple" in response.content.decode()
    assert 'id="site-name"' in response.content.decode()  # the admin's header
    # The union for stories naming none is never silently the top of the tree.
    assert f'<option value="{province.pk}" selected>' not in response.content.decode()


def test_the_union_proposed_is_that_of_the_editors_last_story(editor_client, editor, cities):
    make_article(union=cities["黄山"], created_by=editor)
    response = editor_client.get(UPLOAD_URL)
    assert f'<option value="{cities["黄山"].pk}" selected>' in response.content.decode()


def test_upload_preview_and_confirm_the_seed_page(
    editor_client, editor, seed_text, cities, django_assert_max_num_queries
):
    response = upload_files(editor_client, upload(SEED_PAGE.name, seed_text))
    assert response.status_code == 302
    preview_url = response["Location"]
    assert preview_url.startswith(UPLOAD_URL) and preview_url != UPLOAD_URL
    assert Article.objects.count() == 0  # nothing is created before the editor confirms

    with django_assert_max_num_queries(12):
        response = editor_client.get(preview_url)
    assert response.status_code == 200
    page = text_of(response)
    assert "9 篇稿件" in page and "UTF-8" in page
    for headline in [
        "模范职工之家“结对共建”启动",
        "党史进工地 传递正能量",
        "生命绝唱铸忠诚 脱贫攻坚洒热血",
    ]:
        assert headline in page
    assert "宿州市总工会" in page and "铜陵市总工会" in page
    assert "未注明工会" in page and page.count("请选择工会") >= 3
    assert "图片新闻" in page or "Photo news" in page
    assert "姚佳佳" in page and "3 个小标题" in page
    assert "栏目" in page and "扶贫村里的故事" in page
    assert "已勾选 9 篇稿件" in page
    html = response.content.decode()
    assert html.count('<select name="union-') == 9

    # Without a union for every story nothing is created, and the preview says why.
    refused = editor_client.post(preview_url, follow=True)
    assert refused.redirect_chain[-1][0] == preview_url
    assert "请为这类稿件选择一个工会" in text_of(refused)
    assert Article.objects.count() == 0

    picks = {"shown": [str(index) for index in range(9)]}
    for index in range(9):
        picks[f"include-{index}"] = "on"
        union = re.search(
            rf'<select name="union-{index}">.*?<option value="(\d+)" selected>', html, re.S
        )
        picks[f"union-{index}"] = union.group(1) if union else str(cities["合肥"].pk)
    response = editor_client.post(preview_url, picks)
    assert response.status_code == 302
    # The import task files the drafts; the batch's page shows what it made.
    assert response["Location"] == preview_url
    articles = Article.objects.order_by("pk")
    assert articles.count() == 9
    assert {article.status for article in articles} == {"draft"}
    assert {article.created_by for article in articles} == {editor}
    assert ImportedStory.objects.filter(imported_by=editor).count() == 9
    assert [article.union.name for article in articles][6:] == ["合肥市总工会"] * 3
    batch = ImportBatch.objects.get()
    assert batch.state == "imported"
    assert sorted(result["article"] for result in batch.results.values()) == [
        article.pk for article in articles
    ]

    response = editor_client.get(preview_url)
    assert response.status_code == 200
    page = text_of(response)
    assert "已导入 9 篇稿件" in page and page.count("已创建草稿") == 9
    for article in articles:
        assert f'href="/admin/articles/article/{article.pk}/change/"' in response.content.decode()
    assert reverse("admin:articles_article_changelist") + "?id__in=" in response.content.decode()


def test_a_preview_survives_a_reload_and_a_second_confirmation_imports_nothing(
    editor_client, cities
):
    preview_url = upload_files(editor_client, upload("page.txt", PAGE))["Location"]
    assert editor_client.get(preview_url).status_code == 200
    assert editor_client.get(preview_url).status_code == 200
    editor_client.post(preview_url)
    assert Article.objects.count() == 2

    response = editor_client.post(preview_url, follow=True)
    assert response.redirect_chain[-1][0] == preview_url
    assert "已导入 2 篇稿件" in text_of(response)
    assert Article.objects.count() == 2


def test_a_batch_is_deleted_with_its_files_a_day_after_the_upload(
    editor_client, cities, django_capture_on_commit_callbacks
):
    preview_url = upload_files(editor_client, upload("page.txt", PAGE))["Location"]
    stored = ImportBatch.objects.get().files.get()
    storage, name = stored.file.storage, stored.file.name
    assert storage.exists(name)
    later = timezone.now() + timedelta(days=1, minutes=1)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        upload_files(editor_client, upload("other.txt", PAGE))
    assert not storage.exists(name)
    response = editor_client.get(preview_url, follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD_URL


def test_an_unknown_preview_token_sends_the_editor_back_to_upload(editor_client, province):
    response = editor_client.get(UPLOAD_URL + "999999/", follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD_URL
    assert "请重新上传文件" in text_of(response)


def test_several_files_at_once(editor_client, cities):
    other = "工会驿站建成\n\n淮北市总工会建成的工会驿站投入使用。(黄元明)\n"
    response = upload_files(
        editor_client, upload("one.txt", PAGE), upload("two.txt", other.encode("gb18030"))
    )
    preview = editor_client.get(response["Location"])
    page = text_of(preview)
    assert "one.txt" in page and "two.txt" in page and "GBK" in page
    assert "已勾选 3 篇稿件" in page
    editor_client.post(response["Location"])
    assert Article.objects.count() == 3


def test_stories_imported_before_are_shown_as_existing_with_a_link(editor_client, cities):
    editor_client.post(upload_files(editor_client, upload("page.txt", PAGE))["Location"])
    first = Article.objects.order_by("pk").first()

    response = upload_files(editor_client, upload("page.txt", PAGE))
    preview = editor_client.get(response["Location"])
    html = preview.content.decode()
    assert f'href="/admin/articles/article/{first.pk}/change/"' in html
    assert "已存在" in text_of(preview)
    assert "所有稿件都已存在" in text_of(preview)
    assert 'type="submit"' not in html.split('id="importer-stories"')[1]


def test_the_chosen_union_takes_stories_whose_union_is_unknown(editor_client, cities):
    response = upload_files(
        editor_client, upload("page.txt", UNKNOWN_UNION_PAGE), fallback_union=cities["黄山"].pk
    )
    preview = editor_client.get(response["Location"])
    assert "未知工会" in text_of(preview) or "未注明工会" in text_of(preview)
    assert f'<option value="{cities["黄山"].pk}" selected>' in preview.content.decode()
    editor_client.post(response["Location"])
    assert Article.objects.get(headline="四点半课堂开班").union == cities["黄山"]


def test_punctuation_can_be_left_alone(editor_client, cities):
    response = editor_client.post(UPLOAD_URL, {"files": [upload("page.txt", PAGE)]})
    assert "标点保持文件中的原样" in text_of(editor_client.get(response["Location"]))
    editor_client.post(response["Location"])
    assert "近日,宿州市总工会" in Article.objects.get(headline="送法进企业").body


def docx_that_is_a_zip_of_something_else():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("hello.txt", "hello")
    return archive.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "是空文件"),
        ("page.pdf", b"%PDF-1.4", "只能导入 .txt 和 .docx 文件"),
        ("page.doc", b"\xd0\xcf\x11\xe0", ".docx"),
    ],
)
def test_files_refused_by_name_or_size_are_refused_on_the_form(
    editor_client, province, name, content, expected
):
    response = upload_files(editor_client, upload(name, content))
    assert response.status_code == 200
    page = text_of(response)
    assert "没有导入任何稿件" in page
    assert name in page and expected in page
    assert Article.objects.count() == 0
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是文本文件"),
        ("latin1.txt", b"caf\xe9\n", "无法读取"),
        ("page.docx", b"not a zip at all", "不是 Word 文档"),
        ("zipped.docx", docx_that_is_a_zip_of_something_else(), "不是 Word 文档"),
        ("nostory.txt", "只有一段正文,没有标题。".encode(), "没有找到稿件"),
    ],
)
def test_a_file_the_parse_refuses_fails_the_batch_and_is_kept(
    editor_client, province, name, content, expected
):
    """The files are read in a task: what it finds wrong is the batch's page, not the form."""
    response = upload_files(editor_client, upload(name, content))
    assert response.status_code == 302
    batch_url = response["Location"]
    batch = ImportBatch.objects.get()
    assert (batch.state, expected in batch.error) == ("failed", True)

    response = editor_client.get(batch_url)
    assert response.status_code == 200
    page = text_of(response)
    assert "导入失败" in page and "没有导入任何稿件" in page
    assert name in page and expected in page
    assert "重试" not in page  # the same file would fail the same way
    stored = batch.files.get()
    with stored.file.open("rb") as kept:
        assert kept.read() == content  # the upload is kept as it came
    assert Article.objects.count() == 0


def test_a_file_over_the_limit_is_refused_on_the_form(editor_client, province, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = upload_files(editor_client, upload("long.txt", PAGE))
    assert response.status_code == 200
    assert "太大" in text_of(response)
    assert Article.objects.count() == 0


def test_no_file_chosen_is_refused(editor_client, province):
    response = editor_client.post(UPLOAD_URL, {"normalise_punctuation": "on"})
    assert response.status_code == 200
    assert "没有导入任何稿件" in text_of(response)


def test_one_bad_file_among_good_ones_stops_the_whole_upload(editor_client, cities):
    response = upload_files(editor_client, upload("good.txt", PAGE), upload("bad.txt", b""))
    assert response.status_code == 200
    assert "bad.txt" in text_of(response)
    assert Article.objects.count() == 0


def test_the_story_list_links_to_the_import_page_for_editors(editor_client, province):
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert f'href="{UPLOAD_URL}"' in response.content.decode()


def test_the_story_list_has_no_import_link_for_those_who_may_not_add(client, province):
    viewer = grant(make_user("viewer", is_staff=True), "view_article")
    client.force_login(viewer)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert f'href="{UPLOAD_URL}"' not in response.content.decode()


def test_too_many_files_at_once_are_refused(editor_client, province):
    files = [upload(f"page{number}.txt", PAGE) for number in range(21)]
    response = upload_files(editor_client, *files)
    assert response.status_code == 200
    assert "一次最多选择 20 个文件" in text_of(response)
    assert Article.objects.count() == 0


def word_file(paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


def test_the_preview_shows_each_story_its_file_and_its_text(editor_client, cities):
    photo = "党史课开进工地\n\n4月13日,工人们在工地上听党史课。姚佳佳/摄\n"
    response = upload_files(
        editor_client, upload("page.txt", PAGE), upload("photo.docx", word_file(photo.split("\n")))
    )
    preview = editor_client.get(response["Location"])
    page = text_of(preview)
    assert fw("photo.docx (Word 文档):1 篇稿件") in page
    assert "编码读取" in page.split("photo.docx")[0]  # the text file's encoding is named
    html = preview.content.decode()
    rows = html.split('id="importer-stories"')[1].split("<tr")[2:]
    assert ["page.txt" in row for row in rows] == [True, True, False]
    assert "photo.docx" in rows[2]
    # The text itself, to check before confirming: dateline and byline are out of it.
    assert "<summary>查看正文</summary>" in rows[0]
    assert f"<p>{fw('近日,宿州市总工会开展送法进企业活动。')}</p>" in rows[0]
    assert "送审前请在稿件中上传图片" in rows[2] and "送审前" not in rows[0]


def test_reporters_may_not_import(client, desk_reporter, cities):
    """Only editors import: a page files stories for many unions and many people."""
    client.force_login(desk_reporter)
    assert client.get(UPLOAD_URL).status_code == 403
    assert upload_files(client, upload("page.txt", PAGE)).status_code == 403
    response = client.get(reverse("admin:articles_article_changelist"))
    assert f'href="{UPLOAD_URL}"' not in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_only_those_who_may_add_columns_start_one_through_an_import(
    client, editor_client, desk_editor, cities
):
    page = "劳模的故事\n\n本报讯 近日,宿州市总工会劳模走进车间。(陈雪)\n\n劳模风采\n"
    preview_url = upload_files(editor_client, upload("page.txt", page))["Location"]
    assert "只有编辑可以新建栏目" in text_of(editor_client.get(preview_url))
    editor_client.post(preview_url)
    assert Article.objects.get().column is None
    assert not Column.objects.exists()

    Article.objects.all().delete()
    client.force_login(desk_editor)
    preview_url = upload_files(client, upload("page.txt", page))["Location"]
    assert "劳模风采 (新栏目)" in text_of(client.get(preview_url)).replace("\uff08", "(").replace(
        "\uff09", ")"
    )
    client.post(preview_url)
    assert Article.objects.get().column.name == "劳模风采"


def test_an_imported_story_starts_its_record_with_its_creation(editor_client, editor, cities):
    editor_client.post(upload_files(editor_client, upload("page.txt", PAGE))["Location"])
    assert (
        list(ArticleEvent.objects.order_by("article__pk").values_list("kind", "actor", "to_status"))
        == [("created", editor.pk, "draft")] * 2
    )
