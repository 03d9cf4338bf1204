"""Searching published stories in Chinese, through the public search page."""

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_union

from .conftest import found, published, search

pytestmark = pytest.mark.django_db


def test_two_character_words_are_found_inside_longer_words(client, city):
    union_story = published(
        union=city, headline="宿州市总工会召开全委会", body="会议总结了全年工作。"
    )
    loan_story = published(union=city, headline="创业有了底气", body="三名职工拿到了劳模贷。")
    published(union=city, headline="化工会议在合肥召开", body="与会代表交流了安全生产经验。")

    assert found(search(client, "工会")) == [union_story]
    assert found(search(client, "劳模")) == [loan_story]
    assert found(search(client, "劳模贷")) == [loan_story]


def test_a_union_term_from_the_dictionary_is_one_word(client, city):
    home = published(union=city, headline="模范职工之家结对共建启动", body="签约仪式在宿州举行。")
    published(union=city, headline="职工之歌唱响车间", body="一家企业的职工合唱团成立。")

    response = search(client, "职工之家")

    assert found(response) == [home]
    assert "<mark>职工之家</mark>" in response.content.decode()


def test_a_one_character_query_finds_the_character_anywhere(client, city):
    tea = published(union=city, headline="春茶开采", body="茶园里的职工书屋开放了。")
    published(union=city, headline="春耕正忙", body="田间地头一片繁忙。")

    assert found(search(client, "茶")) == [tea]


def test_a_whole_headline_finds_its_story_first(client, city):
    headline = "首办工资集体协商技能竞赛"
    story = published(union=city, headline=headline, body="全市10支队伍、40名选手参赛。")
    published(
        union=city,
        headline="集体协商指导员培训开班",
        body="培训围绕工资集体协商和技能竞赛展开。",
        publish_at=timezone.now() - timezone.timedelta(minutes=5),
    )

    response = search(client, headline)

    assert found(response)[0] == story
    assert f"<mark>{headline}</mark>" in response.content.decode()


def test_a_query_that_matches_nothing_says_so(client, city):
    published(union=city, headline="模范职工之家结对共建启动")

    response = search(client, "航天飞机")

    assert found(response) == []
    assert "没有与“航天飞机”相符的已发布稿件" in response.content.decode()


def test_a_name_jieba_does_not_know_is_matched_as_a_phrase(client, city):
    profile = published(
        union=city, headline="追记驻村第一书记", body="朱世群把村民的事当成自家的事。"
    )
    published(union=city, headline="群众身边的好书记", body="朱老师说,世上无难事。")

    assert found(search(client, "朱世群")) == [profile]


def test_a_long_word_is_found_inside_a_longer_one(client, city):
    story = published(
        union=city, headline="支教老师回母校", body="她毕业于安徽师范大学汉语言文学专业。"
    )

    assert found(search(client, "师范大学")) == [story]


def test_every_word_of_a_query_must_match(client, city):
    both = published(union=city, headline="劳模贷助力创业", body="宿州市总工会与银行签约。")
    published(union=city, headline="劳模风采", body="记劳动模范张师傅。")

    assert found(search(client, "劳模 宿州")) == [both]


def test_latin_letters_and_full_width_forms_match_in_any_case(client, city):
    story = published(union=city, headline="C919大飞机总装车间的工会小组", body="职工们说起ARJ21。")

    assert found(search(client, "c919")) == [story]
    assert found(search(client, "ｃ９１９")) == [story]
    assert found(search(client, "arj21")) == [story]


def test_bylines_and_themes_are_searched(client, city):
    story = published(
        union=city,
        headline="夜校开课",
        body="职工们下班后来上课。",
        themes=["职工书屋"],
        bylines=[("reporter", "陈雪"), ("correspondent", "王志刚")],
    )

    assert found(search(client, "陈雪")) == [story]
    assert found(search(client, "王志刚")) == [story]
    assert found(search(client, "职工书屋")) == [story]


def test_the_headline_ranks_above_the_body(client, city):
    in_body = published(
        union=city,
        headline="春风行动送岗位",
        body="现场还有劳模宣讲,劳模们讲述了自己的故事,劳模精神感染了大家。",
        publish_at=timezone.now() - timezone.timedelta(minutes=10),
    )
    in_headline = published(
        union=city,
        headline="劳模工作室揭牌",
        body="工作室将带动更多职工创新。",
        publish_at=timezone.now() - timezone.timedelta(days=3),
    )

    assert found(search(client, "劳模")) == [in_headline, in_body]


def test_equal_matches_come_newest_first(client, city):
    older = published(
        union=city, headline="送温暖活动", publish_at=timezone.now() - timezone.timedelta(days=2)
    )
    newer = published(
        union=city, headline="送温暖活动", publish_at=timezone.now() - timezone.timedelta(days=1)
    )

    assert found(search(client, "送温暖")) == [newer, older]


@pytest.mark.parametrize(
    ("status", "publish_at_offset"),
    [
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.PUBLISHED, timezone.timedelta(hours=2)),  # scheduled
        (Article.Status.WITHDRAWN, -timezone.timedelta(days=1)),
    ],
)
def test_stories_the_public_cannot_read_are_never_found(client, city, status, publish_at_offset):
    publish_at = timezone.now() + publish_at_offset if publish_at_offset else None
    make_article(union=city, status=status, publish_at=publish_at, headline="劳模贷发放仪式")

    response = search(client, "劳模贷")

    assert found(response) == []
    assert "劳模贷发放仪式" not in response.content.decode()


def test_a_scheduled_story_is_found_once_its_time_comes(client, city, time_machine):
    publish_at = timezone.now() + timezone.timedelta(hours=2)
    story = make_article(
        union=city, status=Article.Status.PUBLISHED, publish_at=publish_at, headline="劳模贷发放"
    )
    assert found(search(client, "劳模贷")) == []

    time_machine.move_to(publish_at + timezone.timedelta(minutes=1))
    assert found(search(client, "劳模贷")) == [story]


def test_the_union_filter_takes_in_sub_unions(client, city, county, other_city):
    in_city = published(union=city, headline="职工书屋建设推进会")
    in_county = published(union=county, headline="泗县职工书屋开放")
    published(union=other_city, headline="宣城职工书屋开放")

    response = search(client, "职工书屋", union=city.slug)

    assert set(found(response)) == {in_city, in_county}
    assert f'<option value="{city.slug}" selected>' in response.content.decode()


def test_the_theme_filter(client, city):
    tagged = published(union=city, headline="困难职工帮扶走访", themes=["困难职工帮扶"])
    published(union=city, headline="困难职工家庭喜迁新居")
    theme = tagged.themes.get()

    assert found(search(client, "困难职工", theme=theme.slug)) == [tagged]


def test_filters_alone_without_words_show_suggestions(client, city):
    published(union=city, headline="困难职工帮扶走访", themes=["困难职工帮扶"])

    response = search(client, "", union=city.slug)

    assert response.context["page"] is None
    assert "困难职工帮扶" in response.content.decode()


def test_an_unknown_filter_is_explained_and_dropped(client, city):
    story = published(union=city, headline="劳模贷发放")

    response = search(client, "劳模贷", union="no-such-union", theme="no-such-theme")

    assert found(response) == [story]
    content = response.content.decode()
    assert "没有这个工会" in content
    assert "没有这个专题" in content


def test_results_are_paginated(client, city):
    for number in range(23):
        published(
            union=city,
            headline=f"职工之家巡礼{number}",
            publish_at=timezone.now() - timezone.timedelta(minutes=number + 1),
        )

    first = search(client, "职工之家")
    second = search(client, "职工之家", page=2)
    beyond = search(client, "职工之家", page="999")
    nonsense = search(client, "职工之家", page="两页")

    assert len(found(first)) == 20
    assert len(found(second)) == 3
    assert set(found(first)).isdisjoint(found(second))
    assert found(beyond) == found(second)
    assert found(nonsense) == found(first)
    assert "page=2" in first.content.decode()
    assert "找到 23 篇与“职工之家”相关的稿件" in first.content.decode()


def test_results_show_union_date_and_a_highlighted_snippet(client, city):
    publish_at = timezone.datetime(2021, 4, 13, 10, 0, tzinfo=timezone.get_current_timezone())
    story = published(
        union=city,
        headline="四点半课堂开课",
        body="放学后,孩子们来到四点半课堂写作业。" + "志愿者们轮流值守。" * 20,
        publish_at=publish_at,
    )

    content = search(client, "四点半课堂").content.decode()

    assert "2021年4月13日" in content
    assert city.label in content
    assert story.get_absolute_url() in content
    assert "孩子们来到<mark>四点半课堂</mark>写作业" in content


def test_a_snippet_starts_at_the_sentence_of_the_first_hit(client, city):
    published(
        union=city,
        headline="创业有了底气",
        body="开头一句话。" * 10 + "宿州市总工会推出劳模贷。" + "结尾一句话。" * 30,
    )

    content = search(client, "劳模贷").content.decode()

    assert "…宿州市总工会推出<mark>劳模贷</mark>。结尾一句话。" in content


def test_result_pages_are_kept_out_of_search_engines(client, city):
    response = search(client, "工会")

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_an_empty_query_suggests_popular_themes(client, city):
    published(union=city, headline="夜校开课", themes=["职工书屋"])
    published(union=city, headline="夜校结业", themes=["职工书屋", "普惠服务"])
    make_article(union=city, headline="草稿", themes=["未发布的主题"])

    response = search(client)

    content = response.content.decode()
    assert response.context["page"] is None
    assert "热门专题" in content
    assert "职工书屋" in content and "普惠服务" in content
    assert "未发布的主题" not in content
    assert content.index("职工书屋") < content.index("普惠服务")  # most stories first


@pytest.mark.parametrize("stories", [2, 40])
def test_a_result_page_makes_a_constant_number_of_queries(
    client, city, stories, django_assert_max_num_queries
):
    for number in range(stories):
        published(
            union=city,
            headline=f"工会新闻{number}",
            themes=["职工之家"],
            bylines=[("reporter", "陈雪")],
        )
    theme = city.articles.first().themes.get()

    # Including the theme counts fragment, built by the first page that needs it, and on
    # PostgreSQL the start of the recent stories' window (search.backends), built likewise.
    # One of them lists the columns in the navigation, one the union's subtree (by_union).
    with django_assert_max_num_queries(13):
        response = search(client, "工会", union=city.slug, theme=theme.slug)

    assert len(found(response)) == min(stories, 20)


def test_the_page_title_names_the_query(client, city):
    content = search(client, "劳模贷").content.decode()

    assert "<title>“劳模贷”的搜索结果" in content
    assert 'value="劳模贷"' in content


def test_a_hit_of_a_closed_union_names_it_without_a_dead_link(client, province):
    closed = make_union("已撤销企业工会", parent=province, kind="enterprise", is_active=False)
    story = published(union=closed, headline="劳模贷发放仪式")

    content = search(client, "劳模贷").content.decode()

    assert found(search(client, "劳模贷")) == [story]
    assert closed.label in content
    assert closed.get_absolute_url() not in content
