from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import body
from articles.models import Article, Byline
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PAST = timedelta(hours=-1)
FUTURE = timedelta(hours=1)


@pytest.mark.parametrize(
    ("status", "offset", "public"),
    [
        ("draft", None, False),
        ("draft", PAST, False),
        ("draft", FUTURE, False),
        ("review", PAST, False),
        ("review", FUTURE, False),
        ("published", PAST, True),
        ("published", FUTURE, False),
        ("withdrawn", PAST, False),
        ("withdrawn", FUTURE, False),
    ],
)
def test_published_matrix(city, status, offset, public):
    publish_at = timezone.now() + offset if offset is not None else None
    article = make_article(union=city, status=status, publish_at=publish_at)
    assert (article in Article.objects.published()) is public
    assert article.is_published() is public
    assert article.is_scheduled() is (status == "published" and offset == FUTURE)


def test_scheduled_story_becomes_public_at_its_time(city, time_machine):
    moment = timezone.now() + timedelta(days=1)
    article = make_article(union=city, status="published", publish_at=moment)
    time_machine.move_to(moment - timedelta(seconds=1), tick=False)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    time_machine.move_to(moment, tick=False)
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_database_refuses_an_unknown_status(city):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(union=city, status="lost")


def test_database_refuses_a_published_story_without_time(city):
    article = make_article(union=city)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status="published", publish_at=None)


def test_database_refuses_an_unknown_genre(city):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(union=city, genre="poem")


def test_database_refuses_an_unknown_byline_role(city):
    article = make_article(union=city)
    with pytest.raises(IntegrityError), transaction.atomic():
        Byline.objects.create(article=article, name="某某", role="boss")


def test_body_parses_paragraphs_and_intertitles():
    text = "第一段第一行\n第一段第二行\n\n## 小标题\n第二段。\n\n\n  English words\nwrap here  "
    blocks = body.parse(text)
    assert [(block.type, block.text) for block in blocks] == [
        ("paragraph", "第一段第一行第一段第二行"),
        ("intertitle", "小标题"),
        ("paragraph", "第二段。"),
        ("paragraph", "English words wrap here"),
    ]
    assert body.parse(body.serialize(blocks)) == blocks


def test_body_rendering_escapes_html():
    html = body.render_html(
        '<script>alert("x")</script>\n\n## <b>题</b>\n\n&amp; 职工', dateline="本报讯"
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<h2 class="intertitle">&lt;b&gt;题&lt;/b&gt;</h2>' in html
    assert "<p>&amp;amp; 职工</p>" in html
    assert html.startswith('<p><span class="dateline">本报讯</span> &lt;script&gt;')


def test_staff_report_dateline_opens_the_first_paragraph(city):
    article = make_article(
        union=city, is_staff_report=True, body="## 小标题\n\n近日,会议举行。\n\n第二段。"
    )
    html = article.body_html()
    assert '<p><span class="dateline">本报讯</span> 近日,会议举行。</p>' in html
    assert html.count("本报讯") == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("职工之家", 4),
        ("近日,宿州市举行。", 9),
        ("贷款2435万元", 5),
        ("we课堂", 3),
        ("1-6年级 的 学生", 6),
        ("  \n\u3000", 0),
        ("", 0),
    ],
)
def test_character_count_counts_like_chinese_editors(text, count):
    assert body.character_count(text) == count


def test_article_character_count_ignores_markup(city):
    article = make_article(union=city, body="## 小标题\n\n职工之家。\n\n劳模贷")
    assert article.character_count == 3 + 5 + 3


def test_summary_defaults_to_first_paragraph(city):
    article = make_article(union=city, body="## 题\n\n第一段。\n\n第二段。")
    assert article.lead_text == "第一段。"
    article.summary = "编辑写的摘要"
    assert article.lead_text == "编辑写的摘要"


def test_bylines_render_the_chinese_way(city):
    article = make_article(
        union=city,
        bylines=[
            ("reporter", "陈雪"),
            ("reporter", "李明"),
            ("correspondent", "王志刚"),
            ("photographer", "姚佳佳"),
            ("editor", "周岚"),
        ],
    )
    assert article.closing_credit() == "\uff08本报记者 陈雪 李明 通讯员 王志刚\uff09"
    assert article.photo_credit() == "姚佳佳/摄"
    assert article.editor_credit() == "责任编辑\uff1a周岚"


def test_bare_names_close_the_story_in_parentheses(city):
    article = make_article(union=city, bylines=[("author", "沈春"), ("author", "李宗泰")])
    assert article.closing_credit() == "\uff08沈春 李宗泰\uff09"
    assert article.photo_credit() == ""


def test_chinese_themes_keep_chinese_slugs_and_route(city):
    from django.urls import reverse
    from taggit.models import Tag

    article = make_article(union=city, themes=["职工之家", "劳模贷"])
    slugs = sorted(tag.slug for tag in Tag.objects.filter(article=article))
    assert slugs == sorted(["职工之家", "劳模贷"])
    assert (
        reverse("news:theme", kwargs={"slug": "职工之家"})
        == "/themes/%E8%81%8C%E5%B7%A5%E4%B9%8B%E5%AE%B6/"
    )
