"""The story page's details: source line, time, correction date, columns, related order, QR;
the home page's quiet cities and columns; the subscribe page and a feed readable in a browser."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from editorial.models import ArticleEvent
from tests.factories import make_article, make_column, make_union

BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def story(city):
    return make_article(
        union=city,
        status="published",
        publish_at=datetime(2026, 11, 28, 9, 30, tzinfo=BEIJING),
        kicker="职工之家里学本领",
        headline="宿州为一线职工开设夜间技能课堂",
        column=make_column("一线故事"),
        themes=["职工之家"],
        bylines=[("reporter", "陈雪"), ("correspondent", "孙晓东"), ("editor", "李文华")],
    )


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_source_line_and_the_time_of_day(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<p class="story-source">来源：宿州市总工会 · 记者 陈雪 · 通讯员 孙晓东</p>' in html
    assert ">2026年11月28日 09:30</time>" in html
    # The editor is credited at the end, not as a source.
    assert "李文华" not in html.split('class="story-source"')[1].split("</p>")[0]


def test_the_source_line_escapes_names(client, city):
    story = make_article(union=city, status="published", bylines=[("author", "<b>某某</b>")])
    html = client.get(story.get_absolute_url()).content.decode()
    assert "作者 &lt;b&gt;某某&lt;/b&gt;" in html


def test_the_correction_is_dated(client, story):
    story.correction_note = "原稿日期有误，已更正。"
    story.save()
    ArticleEvent.objects.create(
        article=story,
        kind="corrected",
        from_status="published",
        to_status="published",
        created_at=datetime(2026, 11, 29, 10, 5, tzinfo=BEIJING),
    )
    html = client.get(story.get_absolute_url()).content.decode()
    correction = html.split('class="correction"')[1].split("</aside>")[0]
    assert "更正" in correction and "2026年11月29日 10:05" in correction
    assert "原稿日期有误，已更正。" in correction


def test_columns_link_from_story_navigation_and_home(client, story, city):
    column = story.column
    story_html = client.get(story.get_absolute_url()).content.decode()
    assert f'<a class="story-column" href="{column.get_absolute_url()}">一线故事</a>' in story_html
    nav = story_html.split('class="site-nav"')[1].split("</nav>")[0]
    assert f'href="{column.get_absolute_url()}"' in nav

    home = client.get("/").content.decode()
    columns = home.split('class="column-blocks"')[1].split("</section>")[0]
    assert "一线故事" in columns and story.headline in columns

    # A column nobody publishes in stays out of the navigation.
    make_column("空栏目")
    cache.clear()
    assert "空栏目" not in client.get("/").content.decode()


def test_the_column_page_is_like_a_theme_page(client, story):
    other = make_column("劳模风采")
    make_article(union=story.union, status="published", column=other)
    html = client.get(story.column.get_absolute_url()).content.decode()
    assert story.headline in html
    column_feed = reverse("news:column_feed", kwargs={"slug": story.column.slug})
    assert f'href="{column_feed}"' in html
    sidebar = html.split('class="sidebar"')[1]
    assert "劳模风采" in sidebar
    assert 'aria-current="page">一线故事</a>' in html

    feed = client.get(column_feed)
    assert feed.status_code == 200
    assert story.headline in feed.content.decode()
    assert client.get("/columns/空栏目/feed/").status_code == 404


def test_related_stories_come_newest_first(client, story, city):
    now = timezone.now()
    # Sharing more themes no longer puts an older story first.
    make_article(
        union=city,
        status="published",
        headline="较早的相关稿件",
        themes=["职工之家", "劳模"],
        publish_at=now - timezone.timedelta(days=3),
    )
    make_article(
        union=city,
        status="published",
        headline="最新的相关稿件",
        themes=["职工之家"],
        publish_at=now - timezone.timedelta(hours=1),
    )
    story.themes.add("劳模")
    html = client.get(story.get_absolute_url()).content.decode()
    related = html.split('class="related-list"')[1]
    assert related.index("最新的相关稿件") < related.index("较早的相关稿件")


def test_the_qr_code_is_drawn_once_and_kept(client, story, settings, monkeypatch):
    import segno

    settings.NEWS_PAGE_CACHE_SECONDS = 0  # every request renders the page afresh
    drawn = []
    original = segno.make
    monkeypatch.setattr(
        segno, "make", lambda *args, **kw: drawn.append(args) or original(*args, **kw)
    )

    pages = [client.get(story.get_absolute_url()).content.decode() for _ in range(3)]

    qr = pages[-1].split('class="story-qr"')[1].split("</aside>")[0]
    assert "<svg" in qr and "手机扫码阅读" in qr
    assert drawn == [(f"http://127.0.0.1:8000/news/{story.pk}/",)]


def test_the_print_view_prints_the_address(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert f'<p class="print-url">本文网址： http://127.0.0.1:8000/news/{story.pk}/</p>' in html


def test_the_text_size_switch_is_offered(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<script src="/static/js/text-size.js"></script>' in html
    for label in ["小", "中", "大"]:
        assert f">{label}</button>" in html


def test_the_home_page_names_cities_without_news_on_one_line(client, province, city):
    quiet = [
        make_union(f"{name}市总工会", parent=province, kind="city", short_name=name)
        for name in ["淮北", "亳州", "黄山"]
    ]
    make_article(union=city, status="published", headline="宿州有新闻")
    html = client.get("/").content.decode()

    assert html.count('class="city-block"') == 1
    line = html.split('class="quiet-cities"')[1].split("</p>")[0]
    assert "暂无新闻：" in line
    for union in quiet:
        assert f'<a href="{union.get_absolute_url()}">{union.short_name}</a>' in line
    assert "暂无新闻。" not in html


def test_the_subscribe_page_lists_every_feed(client, story, city):
    html = client.get("/feeds/").content.decode()
    assert "怎样订阅" in html
    for url in [
        "/feeds/latest/",
        f"/unions/{city.slug}/feed/",
        reverse("news:column_feed", kwargs={"slug": story.column.slug}),
        reverse("news:theme_feed", kwargs={"slug": "职工之家"}),
    ]:
        assert f'href="{url}"' in html
    assert "http://127.0.0.1:8000/feeds/latest/" in html
    assert 'href="/feeds/"' in client.get("/").content.decode()


def test_a_feed_names_its_stylesheet_for_browsers(client, story):
    feed = client.get("/feeds/latest/").content.decode()
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet')
    assert '<?xml-stylesheet type="text/xsl" href="/feeds/atom.xsl"?>' in feed

    stylesheet = client.get("/feeds/atom.xsl")
    assert stylesheet.status_code == 200
    assert stylesheet["Content-Type"] == "text/xsl; charset=utf-8"
    assert "这是一个订阅源（Atom）" in stylesheet.content.decode()
