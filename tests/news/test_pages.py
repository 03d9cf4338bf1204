"""What each public page shows, and that it shows only published stories."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from tests.factories import make_article, make_column, make_union
from tests.news.helpers import make_photo

HIDDEN_HEADLINES = ["草稿稿件标题", "待审稿件标题", "定时稿件标题", "撤回稿件标题"]


@pytest.fixture
def hidden_stories(city, county):
    """A story in every state the public must not see, all on the same union, theme and column."""
    column = make_column()
    later = timezone.now() + timezone.timedelta(days=1)
    common = {"themes": ["职工之家"], "column": column, "genre": "photo"}
    stories = [
        make_article(union=county, status="draft", headline=HIDDEN_HEADLINES[0], **common),
        make_article(union=county, status="review", headline=HIDDEN_HEADLINES[1], **common),
        make_article(
            union=county,
            status="published",
            publish_at=later,
            headline=HIDDEN_HEADLINES[2],
            **common,
        ),
        make_article(union=city, status="withdrawn", headline=HIDDEN_HEADLINES[3], **common),
    ]
    for story in stories:
        make_photo(story, is_lead=True)
    return stories


def assert_no_hidden_story(html):
    for headline in HIDDEN_HEADLINES:
        assert headline not in html


def test_home_shows_lead_latest_cities_themes_and_photos(client, city, county, other_city):
    older = make_article(
        union=county,
        status="published",
        headline="泗县职工书屋开放",
        themes=["职工书屋"],
        publish_at=timezone.now() - timezone.timedelta(days=2),
    )
    lead = make_article(
        union=city,
        status="published",
        headline="宿州开设夜间技能课堂",
        kicker="让职工下班后学本领",
        themes=["职工之家"],
    )
    make_photo(lead, is_lead=True, caption="夜间课堂现场")
    photo_story = make_article(
        union=other_city, status="published", genre="photo", headline="劳模风采"
    )
    make_photo(photo_story, is_lead=True, caption="劳模在车间")
    for number in range(3):
        make_article(
            union=other_city,
            status="published",
            headline=f"较早的消息{number}",
            publish_at=timezone.now() - timezone.timedelta(days=3 + number),
        )

    html = client.get("/").content.decode()

    lead_block = html.split('class="lead-story"')[1].split("</article>")[0]
    assert "宿州开设夜间技能课堂" in lead_block and "让职工下班后学本领" in lead_block
    # Under the lead, the next three stories with their summaries; then the latest headlines.
    top_stories = html.split('class="story-list top-stories"')[1].split("</ol>")[0]
    assert re.findall(r'class="story-headline"><a href="[^"]+">([^<]+)</a>', top_stories) == [
        "劳模风采",
        "泗县职工书屋开放",
        "较早的消息0",
    ]
    latest = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert "较早的消息1" in latest and "较早的消息2" in latest
    assert "宿州开设夜间技能课堂" not in latest and "泗县职工书屋开放" not in latest
    # The county's story shows in its city's block; the other city has its own block.
    suzhou_block = html.split(f'id="city-{city.slug}"')[1].split("</section>")[0]
    assert "泗县职工书屋开放" in suzhou_block
    bengbu_block = html.split(f'id="city-{other_city.slug}"')[1].split("</section>")[0]
    assert "劳模风采" in bengbu_block and "泗县职工书屋开放" not in bengbu_block
    themes = html.split('id="themes-heading"')[1].split("</section>")[0]
    assert "职工之家" in themes and "职工书屋" in themes
    strip = html.split('id="photo-strip-heading"')[1].split("</section>")[0]
    assert "劳模风采" in strip and photo_story.get_absolute_url() in strip
    assert older.get_absolute_url() in html


def test_no_page_shows_unpublished_stories(client, city, county, hidden_stories):
    make_article(union=county, status="published", headline="已发布稿件", themes=["职工之家"])
    pages = [
        "/",
        "/unions/",
        city.get_absolute_url(),
        county.get_absolute_url(),
        "/themes/职工之家/",
        make_column().get_absolute_url(),
        "/photos/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_hidden_story(response.content.decode())
    assert "已发布稿件" in client.get(county.get_absolute_url()).content.decode()


def test_empty_site_pages_read_well(client, db):
    for url in ["/", "/unions/", "/photos/"]:
        response = client.get(url)
        assert response.status_code == 200
    assert "还没有发布新闻" in client.get("/").content.decode()


def test_union_index_counts_each_subtree_published_stories(
    client, province, city, county, other_city, hidden_stories, django_assert_max_num_queries
):
    make_article(union=city, status="published")
    make_article(union=county, status="published")
    make_article(union=county, status="published")
    make_union("停用工会", parent=city, kind="enterprise", is_active=False)

    with django_assert_max_num_queries(4):
        html = client.get("/unions/").content.decode()

    counts = dict(re.findall(r'>([^<>]+)</a>\s*<span class="count">(\d+) 篇</span>', html))
    assert counts == {
        "安徽省总工会": "3",
        "宿州市总工会": "3",
        "泗县总工会": "2",
        "蚌埠市总工会": "0",
    }
    # The tree nests the county under its city, and the city under the province.
    assert html.index("安徽省总工会") < html.index("宿州市总工会") < html.index("泗县总工会")
    assert "停用工会" not in html


def test_union_page_lists_its_and_its_sub_unions_news_newest_first(
    client, province, city, county, other_city
):
    now = timezone.now()
    make_article(
        union=city,
        status="published",
        headline="市里的消息",
        publish_at=now - timezone.timedelta(hours=5),
    )
    make_article(
        union=county,
        status="published",
        headline="县里的消息",
        publish_at=now - timezone.timedelta(hours=1),
    )
    make_article(union=other_city, status="published", headline="别市的消息")

    html = client.get(city.get_absolute_url()).content.decode()

    assert "<h1" in html and "宿州市总工会</h1>" in html
    assert html.index("县里的消息") < html.index("市里的消息")
    assert "别市的消息" not in html
    sub_unions = html.split('id="sub-unions-heading"')[1].split("</section>")[0]
    assert "泗县总工会" in sub_unions and "1 篇" in sub_unions
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert province.get_absolute_url() in breadcrumbs
    assert 'aria-current="page">宿州</span>' in breadcrumbs


def test_union_page_paginates(client, city):
    for number in range(23):
        make_article(
            union=city,
            status="published",
            headline=f"分页稿件{number:02d}",
            publish_at=timezone.now() - timezone.timedelta(minutes=number),
        )
    first = client.get(city.get_absolute_url()).content.decode()
    second = client.get(city.get_absolute_url() + "?page=2").content.decode()
    assert "分页稿件00" in first and "分页稿件19" in first and "分页稿件20" not in first
    assert "分页稿件20" in second and "分页稿件22" in second and "分页稿件00" not in second
    assert "第 2 / 2 页" in second and 'rel="prev"' in second
    # A malformed or too large page number still gives a page, never an error.
    assert client.get(city.get_absolute_url() + "?page=abc").status_code == 200
    assert "分页稿件22" in client.get(city.get_absolute_url() + "?page=99").content.decode()


def test_unknown_or_inactive_union_is_404(client, province):
    make_union("停用市总工会", parent=province, kind="city", is_active=False, slug="ting-yong")
    assert client.get("/unions/no-such-union/").status_code == 404
    assert client.get("/unions/ting-yong/").status_code == 404


def test_theme_page_with_chinese_slug_and_related_themes(client, city, hidden_stories):
    make_article(union=city, status="published", headline="书屋一", themes=["职工书屋", "职工之家"])
    make_article(union=city, status="published", headline="书屋二", themes=["职工书屋", "职工之家"])
    make_article(union=city, status="published", headline="书屋三", themes=["职工书屋", "劳模"])
    make_article(union=city, status="published", headline="无关稿件", themes=["安全生产"])
    # Only unpublished stories pair 职工书屋 with 困难职工帮扶: not a related theme.
    make_article(union=city, status="draft", themes=["职工书屋", "困难职工帮扶"])

    response = client.get("/themes/职工书屋/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "书屋一" in html and "书屋三" in html and "无关稿件" not in html
    related = html.split('id="related-themes-heading"')[1].split("</section>")[0]
    assert related.index("职工之家") < related.index("劳模")
    assert "安全生产" not in related and "困难职工帮扶" not in related
    assert "职工书屋" not in related
    assert_no_hidden_story(html)


def test_theme_without_published_stories_is_404(client, city, hidden_stories):
    make_article(union=city, status="draft", themes=["未发布主题"])
    assert client.get("/themes/未发布主题/").status_code == 404
    assert client.get("/themes/no-such-theme/").status_code == 404


def test_column_page(client, city):
    column = make_column("扶贫村里的故事", description="驻村干部和职工的扶贫故事。")
    make_article(union=city, status="published", headline="驻村第一书记", column=column)
    make_article(union=city, status="published", headline="不在栏目里")

    response = client.get("/columns/扶贫村里的故事/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "驻村第一书记" in html and "不在栏目里" not in html
    assert "驻村干部和职工的扶贫故事。" in html
    assert client.get("/columns/没有这个栏目/").status_code == 404


def test_photo_gallery_shows_photo_news_with_photos(client, city, hidden_stories):
    with_photo = make_article(union=city, status="published", genre="photo", headline="图片新闻一")
    make_photo(with_photo, is_lead=True, caption="职工运动会")
    make_article(union=city, status="published", genre="photo", headline="没有图片的图片新闻")
    plain = make_article(union=city, status="published", genre="news", headline="普通消息")
    make_photo(plain)

    html = client.get("/photos/").content.decode()

    assert "图片新闻一" in html
    assert "没有图片的图片新闻" not in html and "普通消息" not in html
    assert 'width="300" height="200"' in html
    assert_no_hidden_story(html)


def test_story_page_reads_like_the_paper(client, city, county):
    column = make_column()
    published = datetime(2021, 4, 13, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    article = make_article(
        union=county,
        status="published",
        publish_at=published,
        kicker="党史学习教育",
        headline="为初心 他甘愿再当一回农民",
        subheadline="追记合肥学院教师、驻村第一书记朱世群",
        is_staff_report=True,
        body=(
            "4月13日上午,泗县总工会举办竞赛。\n\n"
            "## 为初心,他甘愿再当一回农民\n\n"
            "第二段<script>alert(1)</script>。"
        ),
        column=column,
        correction_note="本文第二段中的日期已更正。",
        themes=["乡村振兴", "劳模"],
        bylines=[
            ("reporter", "陈雪"),
            ("correspondent", "王志刚"),
            ("photographer", "姚佳佳"),
            ("editor", "李文华"),
        ],
    )
    make_photo(article, position=1, caption="第二张图", credit="王志刚")
    make_photo(article, is_lead=True, position=2, caption="主图说明", credit="姚佳佳")
    related = make_article(union=city, status="published", headline="相关稿件", themes=["乡村振兴"])
    make_article(union=city, status="draft", headline="未发布的相关稿件", themes=["乡村振兴"])

    response = client.get(f"/news/{article.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="story-union"><a href="/unions/' in html and "泗县总工会" in html
    assert '<p class="kicker">党史学习教育</p>' in html
    assert '<h1 class="story-title">为初心 他甘愿再当一回农民</h1>' in html
    assert "——追记合肥学院教师、驻村第一书记朱世群" in html
    assert "2021年4月13日" in html
    assert '<span class="dateline">本报讯</span> 4月13日上午' in html
    assert '<h2 class="intertitle">为初心,他甘愿再当一回农民</h2>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "\uff08本报记者 陈雪 通讯员 王志刚\uff09" in html
    assert "姚佳佳/摄" in html and "王志刚/摄" in html
    assert "责任编辑\uff1a李文华" in html
    assert "本文第二段中的日期已更正。" in html
    # The lead photo comes first even though its position is later.
    assert html.index("主图说明") < html.index("第二张图")
    assert "/themes/%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4/" in html  # 乡村振兴
    assert column.get_absolute_url() in html
    related_block = html.split('id="related-heading"')[1].split("</aside>")[0]
    assert related.get_absolute_url() in related_block
    assert "未发布的相关稿件" not in html
    assert county.get_absolute_url() in html and city.get_absolute_url() in html
    assert 'name="robots"' not in html and "preview-banner" not in html


def test_story_date_is_the_shanghai_date(client, city):
    # 20:00 UTC on 12 April is 04:00 on 13 April in Shanghai.
    article = make_article(
        union=city,
        status="published",
        publish_at=datetime(2021, 4, 12, 20, 0, tzinfo=ZoneInfo("UTC")),
    )
    assert "2021年4月13日" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("status", "publish_in"),
    [("draft", None), ("review", None), ("published", timezone.timedelta(hours=2))],
)
def test_unpublished_story_is_404(client, city, status, publish_in):
    publish_at = timezone.now() + publish_in if publish_in else None
    article = make_article(union=city, status=status, publish_at=publish_at, headline="看不见")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert "看不见" not in response.content.decode()


def test_withdrawn_story_is_410_with_a_short_notice(client, city):
    article = make_article(
        union=city, status="withdrawn", headline="撤回的稿件", body="不应再出现的正文。"
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "编辑已撤下这篇稿件" in html
    assert "撤回的稿件" not in html and "不应再出现的正文" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_unknown_story_and_address_are_404_pages(client, db):
    for url in ["/news/999999/", "/no/such/page/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "页面不存在" in response.content.decode()


def test_server_error_page_renders_without_a_request():
    html = get_template("500.html").render()
    assert "出错了" in html and 'href="/"' in html


def test_server_error_handler_answers_in_chinese_without_the_database():
    # No db fixture: any query here fails the test, as a dead database would fail the page.
    response = server_error(RequestFactory().get("/news/1/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="zh-Hans">' in html
    assert "出错了" in html and "请稍后再试" in html
    assert '<meta name="robots" content="noindex">' in html


def test_robots_txt_points_to_the_sitemap(client, db, settings):
    settings.SITE_URL = "https://news.example.cn"
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: https://news.example.cn/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_header_search_form_sends_q_to_search(client, db):
    html = client.get("/").content.decode()
    form = html.split('role="search"')[1].split("</form>")[0]
    assert 'action="/search/"' in form and 'name="q"' in form and 'method="get"' in html


def test_story_of_an_inactive_union_links_to_no_dead_page(client, province):
    closed = make_union("已撤销工会", parent=province, kind="enterprise", is_active=False)
    article = make_article(union=closed, status="published")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "已撤销工会" in html
    assert closed.get_absolute_url() not in html
    assert province.get_absolute_url() in html


def test_photo_news_credits_its_photographer_once(client, city):
    """Under the photo, "姚佳佳/摄"; the byline does not print it a second time after the text."""
    story = make_article(
        union=city,
        status="published",
        genre="photo",
        body="职工在活动中。",
        bylines=[("photographer", "姚佳佳")],
    )
    make_photo(story, is_lead=True, caption="劳模在车间", credit="姚佳佳")

    html = client.get(story.get_absolute_url()).content.decode()

    assert html.count("姚佳佳/摄") == 1
    assert '<span class="credit">姚佳佳/摄</span>' in html


def test_photographers_not_credited_under_a_photo_close_the_story(client, city):
    story = make_article(
        union=city,
        status="published",
        bylines=[("photographer", "姚佳佳"), ("photographer", "王志刚")],
    )
    make_photo(story, is_lead=True, credit="姚佳佳")

    html = client.get(story.get_absolute_url()).content.decode()

    assert '<p class="photo-credit">姚佳佳 王志刚/摄</p>' in html


def test_a_subheadline_typed_with_its_dash_shows_one_dash(client, city):
    story = make_article(
        union=city,
        status="published",
        headline="为初心 他甘愿再当一回农民",
        subheadline="\u2014\u2014追记驻村第一书记朱世群",
    )
    make_photo(story, is_lead=True)

    for url in [story.get_absolute_url(), "/"]:
        html = client.get(url).content.decode()
        assert "\u2014\u2014追记驻村第一书记朱世群" in html, url
        assert "\u2014\u2014\u2014" not in html, url


@pytest.mark.parametrize(
    "url",
    [
        "/themes/%00/",
        "/themes/%E5%8A%B3%00%E6%A8%A1/",
        "/themes/%00/feed/",
        "/columns/%00/",
        "/columns/%0A/",
        "/unions/%00/",
        "/news/%00/",
    ],
)
def test_an_address_with_a_control_character_is_not_found(client, db, url):
    # PostgreSQL refuses NUL in a query with an error: it must never get that far.
    make_article(status="published", themes=["劳模"], column=make_column())
    assert client.get(url).status_code == 404
