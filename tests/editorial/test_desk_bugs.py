"""Regressions of what a reporter and an editor hit on the desk (issue 10's bugs), over HTTP."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.models import ArticleEvent
from tests.editorial.helpers import change_url, form_data, messages_of, transition_url
from tests.factories import make_article

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAY_DAY = datetime(2026, 5, 1, 8, 0, tzinfo=SHANGHAI)


def _edit(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update({name: [value] for name, value in changes.items()})
    return client.post(change_url(article), data)


# 1. A typed publication time is never ignored.


def test_a_time_typed_with_now_chosen_asks_which_was_meant(story, editor, login):
    article = story(status="review")
    with time_machine.travel(MAY_DAY, tick=False):
        response = login(editor).post(
            transition_url(article, "approve"), {"when": "now", "publish_at": "2026-05-02T09:30"}
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "您选择了“立即”，但填写了时间" in page
    article.refresh_from_db()
    assert article.status == "review"
    assert not ArticleEvent.objects.filter(article=article, kind="approved").exists()


def test_rescheduling_opens_with_the_current_time_filled_in(story, editor, login):
    publish_at = datetime(2026, 5, 3, 10, 15, tzinfo=SHANGHAI)
    article = story(status="published", publish_at=publish_at)
    with time_machine.travel(MAY_DAY, tick=False):
        page = login(editor).get(transition_url(article, "reschedule")).content.decode()
    assert 'value="2026-05-03T10:15"' in page
    assert 'name="when" value="at"' in page and 'value="at" required id="id_when_1" checked' in page


# 2. A past time asks; a time a few minutes ahead is now.


def test_a_past_time_asks_for_confirmation_and_says_what_readers_see(story, editor, login):
    make_article(status="published", publish_at=timezone.now() - timedelta(hours=1))
    article = story(status="review")
    earlier = (timezone.localtime() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client = login(editor)
    asked = {"when": "at", "publish_at": earlier}
    response = client.post(transition_url(article, "approve"), asked)
    assert response.status_code == 200
    page = response.content.decode()
    assert "已经过去" in page
    assert "排在此后发布的 1 篇稿件之后" in page
    assert 'name="confirm_past"' in page
    article.refresh_from_db()
    assert article.status == "review"

    confirmed = client.post(
        transition_url(article, "approve"),
        {"when": "at", "publish_at": earlier, "confirm_past": "on"},
    )
    assert confirmed.status_code == 302
    article.refresh_from_db()
    assert article.is_published()
    assert timezone.localtime(article.publish_at).strftime("%Y-%m-%dT%H:%M") == earlier


def test_a_time_under_five_minutes_ahead_is_now(story, editor, login, client):
    article = story(status="review")
    with time_machine.travel(MAY_DAY, tick=False):
        response = login(editor).post(
            transition_url(article, "approve"), {"when": "at", "publish_at": "2026-05-01T08:04"}
        )
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.publish_at == MAY_DAY
        assert not article.is_scheduled()
        assert client.get(article.get_absolute_url()).status_code == 200


# 3. Themes typed with Chinese punctuation are several themes, in every place tags are typed.


def test_themes_split_on_chinese_punctuation_in_the_story_form(story, reporter, login):
    article = story(status="draft")
    typed = "劳模，职工之家、安全生产；普惠服务 困难帮扶,劳模"
    response = _edit(login(reporter), article, themes=typed)
    assert response.status_code == 302
    names = sorted(article.themes.names())
    assert names == sorted(["劳模", "职工之家", "安全生产", "普惠服务", "困难帮扶"])
    page = login(reporter).get(change_url(article)).content.decode()
    assert "data-theme-suggestions" in page


def test_themes_split_the_same_way_outside_the_admin(city):
    from taggit.utils import edit_string_for_tags, parse_tags

    assert parse_tags("劳模，职工之家；集体协商") == ["劳模", "职工之家", "集体协商"]
    article = make_article(union=city)
    article.themes.set(parse_tags("安全生产、普惠服务"))
    assert edit_string_for_tags(article.themes.all()) == "安全生产、普惠服务"


# 4. 本报讯 is printed once.


def test_a_typed_staff_dateline_moves_into_the_flag(story, reporter, login, client):
    article = story(status="draft")
    response = _edit(login(reporter), article, body="本报讯　近日，职工书屋开放。\n\n第二段。")
    assert response.status_code == 302
    assert any("本报讯" in message and "本报" in message for message in messages_of(response))
    article.refresh_from_db()
    assert article.is_staff_report
    assert article.body == "近日，职工书屋开放。\n\n第二段。"
    article.status, article.publish_at = "published", timezone.now()
    article.save()
    assert client.get(article.get_absolute_url()).content.decode().count("本报讯") == 1


# 5 and 9. A refused save shows the rescued text in full and the saved headline in the title.


def test_refused_save_keeps_the_saved_headline_in_title_and_breadcrumb(
    story, editor, second_editor, login
):
    article = story(status="review", headline="原来的标题")
    first, second = login(editor), login(second_editor)
    stale = form_data(second.get(change_url(article)))
    _edit(first, article, body="李明改过。")
    stale["headline"] = ["没有保存的标题"]
    refused = second.post(change_url(article), stale)
    assert refused.status_code == 200
    page = refused.content.decode()
    title = page.split("<title>")[1].split("</title>")[0]
    breadcrumbs = page.split('class="breadcrumbs"')[1].split("</div>")[0]
    assert "原来的标题" in title and "没有保存的标题" not in title
    assert "原来的标题" in breadcrumbs and "没有保存的标题" not in breadcrumbs
    assert 'value="没有保存的标题"' in page  # still in the form


def test_the_409_page_shows_the_text_full_size_beside_the_saved_version(story, reporter, login):
    article = story(status="draft", body="保存过的第一段。\n\n保存过的第二段。")
    client = login(reporter)
    stale = form_data(client.get(change_url(article)))
    client.post(transition_url(article, "submit"))
    stale["headline"] = ["改过的标题"]
    stale["body"] = ["保存过的第一段。\n\n插入的新段落。\n\n保存过的第二段。"]
    response = client.post(change_url(article), stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert 'id="desk-unsaved-body" class="vLargeTextField" rows="20"' in page
    assert '<input type="text" id="desk-unsaved-headline" class="vTextField"' in page
    assert 'href="#desk-comparison"' in page
    comparison = page.split('id="desk-comparison"')[1]
    assert "保存的版本" in comparison and "您的文字" in comparison
    assert "<ins>插入的新段落。</ins>" in comparison or "插入的新段落。" in comparison


# Corrections, preview links.


def test_saving_a_published_story_says_the_correction_is_recorded(story, editor, login):
    article = story(status="published")
    response = _edit(login(editor), article, body="改正后的正文。")
    assert any("已记录更正" in message for message in messages_of(response))
    page = login(editor).get(change_url(article)).content.decode()
    assert 'data-published="1"' in page


def test_preview_link_page_has_a_copy_button_and_a_qr_code(story, editor, login):
    article = story(status="review")
    url = reverse("admin:articles_article_preview_link", args=[article.pk])
    page = login(editor).post(url).content.decode()
    assert "data-copy-target" in page and "复制链接" in page
    assert 'src="data:image/svg+xml' in page


def test_no_preview_link_for_a_withdrawn_story(story, editor, login):
    article = story(status="withdrawn", publish_at=timezone.now() - timedelta(days=1))
    client = login(editor)
    assert "preview-link" not in client.get(change_url(article)).content.decode()
    url = reverse("admin:articles_article_preview_link", args=[article.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert any("撤下" in message for message in messages_of(response))
    assert not ArticleEvent.objects.filter(article=article, kind="preview_shared").exists()
    assert Article.objects.get(pk=article.pk).status == "withdrawn"


# 7. The history compares every field, aligns paragraphs and shows the restore as the target.


def _compare_page(client, article, old, new):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    return client.get(url, {"old": old.pk, "new": new.pk}).content.decode()


def _versions(article):
    from reversion.models import Version

    return list(Version.objects.get_for_object(article).order_by("pk"))


def test_history_compares_every_field_the_editor_changes(story, reporter, login, province):
    from articles.models import Byline
    from tests.factories import make_column

    column = make_column()
    article = story(status="draft", body="第一段。")
    client = login(reporter)
    _edit(client, article, themes="劳模")
    before = {"union": [str(province.pk)], "genre": ["feature"], "column": [str(column.pk)]}
    data = form_data(client.get(change_url(article)))
    data.update(before)
    data.update(
        {
            "themes": ["劳模、职工之家"],
            "is_staff_report": ["on"],
            "bylines-TOTAL_FORMS": ["1"],
            "bylines-0-position": ["0"],
            "bylines-0-role": [Byline.Role.REPORTER],
            "bylines-0-name": ["陈雪"],
        }
    )
    assert client.post(change_url(article), data).status_code == 302
    old, new = _versions(article)
    page = _compare_page(client, article, old, new)
    for label in ("工会", "体裁", "本报讯", "专题", "栏目", "署名"):
        assert f"<h2>{label}" in page, label
    assert "<ins>安徽省</ins>总工会" in page and "职工之家" in page and "陈雪" in page


def test_an_inserted_paragraph_does_not_shift_the_others(story, reporter, login):
    article = story(status="draft")
    client = login(reporter)
    _edit(client, article, body="第一段没有变。\n\n第二段没有变。\n\n第三段改了一个字。")
    _edit(
        client,
        article,
        body="第一段没有变。\n\n插入的新段落。\n\n第二段没有变。\n\n第三段改了两个字。",
    )
    old, new = _versions(article)
    page = _compare_page(client, article, old, new)
    body = page.split("<h2>正文")[1].split("</table>")[0]
    rows = re.findall(r'desk-diff__row--(\w+)"><td>(.*?)</td><td>(.*?)</td>', body)
    assert [kind for kind, _old, _new in rows] == ["equal", "insert", "equal", "replace"]
    assert rows[1][2] == "插入的新段落。"
    assert "<del>一</del>" in rows[3][1] and "<ins>两</ins>" in rows[3][2]


def test_restore_shows_the_version_restored_as_the_target(story, reporter, login):
    article = story(status="draft")
    client = login(reporter)
    _edit(client, article, body="要找回的段落。")
    _edit(client, article, body="后来写的段落。")
    first = _versions(article)[0]
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = client.get(url).content.decode()
    header = page.split("<thead>")[1].split("</thead>")[0]
    assert header.index("当前稿件") < header.index("要恢复的版本")
    assert "<ins>要找回</ins>" in page and "<del>后来写</del>" in page


def test_the_public_correction_box_shows_its_date(story, editor, login, client):
    article = story(status="published")
    _edit(login(editor), article, correction_note="第二段的人数应为260人。")
    page = client.get(article.get_absolute_url()).content.decode()
    box = page.split('class="correction"')[1].split("</aside>")[0]
    today = timezone.localtime()
    assert f"{today.year}年{today.month}月{today.day}日" in box
    assert "第二段的人数应为260人。" in box


# 8. The site's own address everywhere, and an icon at /favicon.ico.


def test_favicon_and_site_url(client, settings, db):
    settings.SITE_URL = "http://127.0.0.1:8100"
    assert client.get("/favicon.ico").status_code == 301
    assert "Sitemap: http://127.0.0.1:8100/" in client.get("/robots.txt").content.decode()


def test_load_demo_prints_the_site_url(settings, db):
    import io

    from django.core.management import call_command

    settings.SITE_URL = "http://127.0.0.1:8100"
    out = io.StringIO()
    call_command("load_demo", "--i-know-this-is-production", stdout=out)
    assert "http://127.0.0.1:8100/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()
