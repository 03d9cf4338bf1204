"""The preview through HTTP: union picker, warnings, left-over lines, similar stories, pages,
limits, and the batch kept in a row rather than the session."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from importer.models import ImportBatch
from tests.factories import make_article
from tests.importer.conftest import fw

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/import/"
PAGE = """2026年5月12日 星期二 第3版 市县工会 责任编辑:周敏

本版稿件由各地工会提供。

送法进企业

本报讯(记者 陈雪)近日,宿州市总工会开展送法进企业活动。(通讯员 王志刚)

四点半课堂开班

本报讯 近日,龙亢镇社区开办四点半课堂。(龙亢镇总工会 王士哲)

工会简讯

淮北市总工会近日为环卫工人送去工装1500套。
"""


def upload(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/plain")


def text_of(response):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def preview_of(client, *files, **fields):
    response = client.post(
        UPLOAD_URL, {"files": list(files), "normalise_punctuation": "on", **fields}
    )
    assert response.status_code == 302, text_of(response)
    return response["Location"]


def rows_of(response):
    return response.content.decode().split('id="importer-stories"')[1].split("<tr")[2:]


def test_the_preview_shows_pickers_warnings_and_left_over_lines(editor_client, cities):
    url = preview_of(editor_client, upload("page.txt", PAGE))
    response = editor_client.get(url)
    page = text_of(response)
    # Left-over lines, named; the masthead is no story and no left-over.
    assert "剩余文字" in page and "本版稿件由各地工会提供。" in page
    assert "责任编辑" not in page.split("剩余文字")[1].split("找到的稿件")[0]
    sued, lesson, brief = rows_of(response)
    # A union per story: found, or to choose, never silently the province.
    assert f'<option value="{cities["宿州"].pk}" selected>' in sued
    assert "“龙亢镇总工会”不是已知的工会：请选择工会。" in text_of_html(lesson)
    assert " selected>" not in lesson.split("<select")[1].split("</select>")[0]
    assert "简讯：标题是按第一句话拟的，请重写标题。" in text_of_html(brief)
    assert f'<option value="{cities["淮北"].pk}" selected>' in brief
    assert "编辑 周敏" in text_of_html(sued)  # the page's editor, from the masthead


def text_of_html(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_picked_union_and_ticks_decide_what_is_created(editor_client, cities):
    url = preview_of(editor_client, upload("page.txt", PAGE))
    response = editor_client.post(
        url,
        {
            "shown": ["0", "1", "2"],
            "include-0": "on",
            "union-0": cities["宿州"].pk,
            "include-1": "on",
            "union-1": cities["蚌埠"].pk,
            "union-2": cities["淮北"].pk,  # not ticked: left out
        },
    )
    assert response.status_code == 302
    assert sorted(Article.objects.values_list("headline", "union__name")) == [
        ("四点半课堂开班", "蚌埠市总工会"),
        ("送法进企业", "宿州市总工会"),
    ]
    assert ImportBatch.objects.get().to_import == [0, 1]


def test_a_story_like_an_existing_one_is_imported_only_if_ticked(editor_client, cities):
    existing = make_article(
        union=cities["宿州"],
        headline="送法进企业活动举行",
        body=fw("近日,宿州市总工会开展送法进企业活动,为职工讲解劳动合同法。"),
    )
    page = "送法进企业\n\n本报讯 近日,宿州市总工会开展送法进企业活动,为职工讲解劳动法。(陈雪)\n"
    url = preview_of(editor_client, upload("page.txt", page))
    response = editor_client.get(url)
    [row] = rows_of(response)
    assert "与《送法进企业活动举行》相似：勾选后才会导入。" in text_of_html(row)
    assert f'href="/admin/articles/article/{existing.pk}/change/"' in row
    assert 'name="include-0" checked' not in row and 'name="include-0"' in row

    editor_client.post(url, {"shown": ["0"], "union-0": cities["宿州"].pk})
    assert Article.objects.count() == 1  # not ticked: nothing new

    url = preview_of(editor_client, upload("page.txt", page))
    editor_client.post(url, {"shown": ["0"], "union-0": cities["宿州"].pk, "include-0": "on"})
    assert Article.objects.count() == 2


def test_the_preview_is_paginated_and_keeps_choices_across_pages(editor_client, cities, settings):
    page = "".join(
        f"第{number}条消息\n\n本报讯 近日,第{number}场活动在淮北举行。(陈雪)\n\n"
        for number in range(1, 46)
    )
    url = preview_of(editor_client, upload("page.txt", page))
    first = editor_client.get(url)
    assert len(rows_of(first)) == 20
    assert "第 1 页，共 3 页" in text_of(first)
    assert len(first.content) < 1_000_000
    # Choices of page 1 are kept when going to page 3.
    response = editor_client.post(
        url, {"shown": ["0"], "union-0": cities["淮北"].pk, "include-0": "on", "page": "3"}
    )
    assert response["Location"] == f"{url}?page=3"
    last = editor_client.get(response["Location"])
    assert len(rows_of(last)) == 5 and "第45条消息" in text_of(last)
    batch = ImportBatch.objects.get()
    assert batch.choices == {"0": {"union": cities["淮北"].pk, "include": True}}
    assert len(batch.stories) == 45


def test_the_batch_is_kept_in_a_row_not_in_the_session(editor_client, cities):
    url = preview_of(editor_client, upload("page.txt", PAGE))
    session_keys = set(editor_client.session.keys())
    assert not any("import" in key for key in session_keys)
    batch = ImportBatch.objects.get()
    assert url.endswith(f"/{batch.pk}/")
    assert [item["story"]["headline"] for item in batch.stories][:2] == [
        "送法进企业",
        "四点半课堂开班",
    ]


def test_another_editors_batch_cannot_be_opened(client, editor_client, desk_editor, cities):
    url = preview_of(editor_client, upload("page.txt", PAGE))
    client.force_login(desk_editor)
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == UPLOAD_URL
    assert client.post(url, {"shown": ["0"]}).status_code == 302
    assert Article.objects.count() == 0


def test_limits_on_the_total_bytes_and_stories_of_one_import(editor_client, cities, settings):
    settings.IMPORT_MAX_REQUEST_BYTES = 300
    response = editor_client.post(
        UPLOAD_URL, {"files": [upload("a.txt", PAGE), upload("b.txt", PAGE)]}
    )
    assert response.status_code == 200
    assert "一次导入最多读取 300 字节" in text_of(response)

    settings.IMPORT_MAX_REQUEST_BYTES = 10_000_000
    settings.IMPORT_MAX_STORIES = 2
    # How many stories there are is known once the task has read them: the batch fails.
    url = preview_of(editor_client, upload("a.txt", PAGE))
    response = editor_client.get(url)
    assert "这些文件共有 3 篇稿件，一次导入最多 2 篇。请分几次导入。" in text_of(response)
    assert ImportBatch.objects.get().state == "failed"
    assert Article.objects.count() == 0


def test_traditional_copy_is_converted_and_the_preview_says_so(editor_client, cities):
    page = "宿州市總工會\n\n送法進企業\n\n本報訊(記者 陳雪)近日,宿州市總工會開展送法活動。\n"
    url = preview_of(editor_client, upload("page.txt", page), convert_traditional="on")
    response = editor_client.get(url)
    assert "繁体中文稿件：已转为简体读取和导入（OpenCC）" in text_of(response)
    assert "送法进企业" in text_of(response) and "记者 陈雪" in text_of(response)

    kept = preview_of(editor_client, upload("page.txt", page))
    assert "送法進企業" in text_of(editor_client.get(kept))
