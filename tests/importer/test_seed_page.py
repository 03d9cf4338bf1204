"""The real page (../shared/seeds) imports as its nine stories, field by field."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.body import parse
from articles.models import Article, Column
from editorial.roles import REPORTER
from importer.models import ImportedStory
from tests.factories import make_union
from tests.importer.conftest import SEED_PAGE, desk_member, fw

pytestmark = pytest.mark.django_db

HEADLINES = [
    "模范职工之家“结对共建”启动",
    "“三个融入”推动党史学习教育",
    "首办工资集体协商技能竞赛",
    "蚌埠“劳模贷”首批发放贷款2435万元",
    "六安“六工惠”职工普惠平台签约建设",
    "交流困难职工帮扶工作经验",
    "党史进工地 传递正能量",
    fw("“四点半课堂”:守护成长不“真空”"),
    "生命绝唱铸忠诚 脱贫攻坚洒热血",
]


def run_json(*args):
    """The stories --json prints, and the report on standard error."""
    out, err = StringIO(), StringIO()
    call_command("import_page", *args, "--json", stdout=out, stderr=err)
    return json.loads(out.getvalue())["stories"], err.getvalue()


@pytest.fixture
def stories(seed_text, cities):
    stories, _report = run_json(str(SEED_PAGE), "--dry-run")
    return stories


def paragraphs(story):
    return [block["text"] for block in story["body"] if block["type"] == "paragraph"]


def test_the_page_holds_nine_stories_in_page_order(stories):
    assert [story["headline"] for story in stories] == HEADLINES


def test_every_story_has_the_json_shape_of_the_issue(stories):
    for story in stories:
        assert list(story) == [
            "headline",
            "kicker",
            "subheadline",
            "union",
            "genre",
            "staff_report",
            "bylines",
            "body",
            "column",
            "editors_note",
            "dateline",
        ]
        assert story["genre"] in {"news", "feature", "photo", "commentary"}
        assert isinstance(story["staff_report"], bool)
        for byline in story["bylines"]:
            assert set(byline) == {"name", "role"}
        for block in story["body"]:
            assert set(block) == {"type", "text"}
            assert block["type"] in {"paragraph", "intertitle"}


def test_unions_where_the_page_states_them(stories):
    assert [story["union"] for story in stories] == [
        "宿州市总工会",  # label over the headline
        "宣城市总工会",
        "安庆市总工会",
        "蚌埠市总工会",  # no label: the union the text names
        "六安市总工会",
        "铜陵市总工会",  # label printed after the headline
        "",  # names 合肥新站高新区总工会, which the table does not hold
        "",  # names 黄山市黄山区龙西社区工会, likewise
        "",  # the feature names no union
    ]


def test_unions_the_text_names_are_found_when_the_table_holds_them(seed_text, cities):
    make_union("合肥新站高新区总工会", parent=cities["合肥"], kind="county", short_name="新站")
    make_union("龙西社区工会", parent=cities["黄山"], kind="community")
    stories, _report = run_json(str(SEED_PAGE), "--dry-run")
    assert stories[6]["union"] == "合肥新站高新区总工会"
    assert stories[7]["union"] == "龙西社区工会"


def test_bylines_with_their_roles(stories):
    assert [story["bylines"] for story in stories] == [
        [{"name": "黄元明", "role": "author"}],
        [{"name": "周岚", "role": "author"}],
        [{"name": "程子潇", "role": "author"}],
        [{"name": "徐希涛", "role": "author"}],
        # the byline on a line of its own, two names
        [{"name": "沈春", "role": "author"}, {"name": "李宗泰", "role": "author"}],
        [{"name": "吴兆虎", "role": "author"}],
        [{"name": "姚佳佳", "role": "photographer"}],
        [{"name": "王士哲", "role": "author"}],
        [{"name": "张琳琳", "role": "author"}],
    ]


def test_genres_datelines_kickers_and_column(stories):
    assert [story["genre"] for story in stories] == ["news"] * 6 + ["photo", "news", "feature"]
    assert [story["staff_report"] for story in stories] == [True] * 6 + [False, True, False]
    assert all(story["kicker"] == "" for story in stories)
    assert [story["column"] for story in stories] == [""] * 8 + ["扶贫村里的故事"]
    assert [story["subheadline"] for story in stories] == [""] * 8 + [
        "追记合肥学院教师、驻村第一书记朱世群"
    ]


def test_paragraph_counts(stories):
    assert [len(paragraphs(story)) for story in stories] == [3, 4, 2, 4, 3, 5, 1, 5, 15]


def test_the_feature_has_its_three_intertitles_in_place(stories):
    feature = stories[8]
    assert [
        (i, block["text"])
        for i, block in enumerate(feature["body"])
        if block["type"] == "intertitle"
    ] == [
        (1, fw("为初心,他甘愿再当一回农民")),
        (5, fw("为扶贫,他把自己练成了“活地图”")),
        (12, fw("为乡村振兴,他奋斗到生命的终点")),
    ]
    assert feature["body"][0]["text"].startswith(fw("4月2日,年仅42岁的合肥学院教师"))
    assert feature["body"][-1]["text"].endswith("在全县开展向朱世群同志学习活动。")


def test_paragraphs_split_by_column_breaks_are_rejoined(stories):
    bengbu, luan, feature = paragraphs(stories[3]), paragraphs(stories[4]), paragraphs(stories[8])
    assert fw("开辟线下到线上两种融资渠道,贷款额度最高3000万元") in bengbu[1]
    assert "15名劳模提出信贷需求。市建行本着特事特办的原则" in bengbu[2]
    assert fw("全称为六安工会员卡银联普惠平台,是六安市总工会") in luan[1]
    assert fw("投身脱贫攻坚事业时,家人沉默了。此时") in feature[2]
    assert feature[10].startswith(fw("产业是脱贫致富的根本出路,也是乡村振兴的重要基础。朱世群始终"))


def test_a_paragraph_ending_a_sentence_is_not_joined_to_the_next(stories):
    tongling = paragraphs(stories[5])
    assert tongling[3].endswith("一是要提高帮扶工作认识。")
    assert tongling[4].startswith("要坚持“以职工为中心”的工作理念")


def test_datelines_bylines_and_credits_leave_the_body(stories):
    suzhou, photo, lesson = paragraphs(stories[0]), paragraphs(stories[6]), paragraphs(stories[7])
    assert suzhou[0].startswith(fw("近日,宿州市模范职工之家“结对共建”签约仪式举行。"))
    assert suzhou[-1].endswith("签署结对共建协议书。")
    assert photo == [photo[0]] and photo[0].endswith("副主席张竹青参加活动。")
    assert lesson[0].startswith(fw("教室里,一群小学生"))
    assert not any(
        "本报讯" in text or "(" in text[-8:] or fw("(") in text[-8:]
        for story in stories
        for text in paragraphs(story)
    )


def test_punctuation_is_full_width_in_chinese_and_numbers_and_latin_stay(stories):
    anqing, photo, lesson = stories[2], stories[6], stories[7]
    assert paragraphs(anqing)[0].startswith(fw("4月13日上午,安庆市总工会举办"))
    assert fw("合肥花园(二期)工程") in paragraphs(photo)[0]
    assert "为1-6年级的学生" in paragraphs(lesson)[1]
    assert "we课堂" in paragraphs(lesson)[1]
    assert "“信贷+孵化+辅导”" in paragraphs(stories[3])[1]
    texts = [story["headline"] for story in stories] + [
        block["text"] for story in stories for block in story["body"]
    ]
    assert not [text for text in texts if any(mark in text for mark in ",;?():")]


def test_importing_the_page_creates_nine_drafts(seed_text, cities):
    reporter = desk_member(REPORTER, "desk")
    province = cities["合肥"].parent
    call_command(
        "import_page", str(SEED_PAGE), "--user", "desk", "--union", province.name, stdout=StringIO()
    )

    articles = list(Article.objects.order_by("pk").prefetch_related("bylines"))
    assert [article.headline for article in articles] == HEADLINES
    assert {article.status for article in articles} == {Article.Status.DRAFT}
    assert {article.publish_at for article in articles} == {None}
    assert {article.created_by for article in articles} == {reporter}
    assert [article.union.name for article in articles] == [
        "宿州市总工会",
        "宣城市总工会",
        "安庆市总工会",
        "蚌埠市总工会",
        "六安市总工会",
        "铜陵市总工会",
        # Unknown unions are never created: such stories go where --union says.
        "安徽省总工会",
        "安徽省总工会",
        "安徽省总工会",
    ]
    feature = articles[8]
    assert feature.genre == Article.Genre.FEATURE
    assert feature.subheadline == "追记合肥学院教师、驻村第一书记朱世群"
    assert feature.column == Column.objects.get(name="扶贫村里的故事")
    assert [block.text for block in parse(feature.body) if block.type == "intertitle"] == [
        fw("为初心,他甘愿再当一回农民"),
        fw("为扶贫,他把自己练成了“活地图”"),
        fw("为乡村振兴,他奋斗到生命的终点"),
    ]
    assert [(b.name, b.role) for b in feature.bylines.all()] == [("张琳琳", "author")]
    assert articles[6].genre == Article.Genre.PHOTO
    assert articles[6].photo_credit() == "姚佳佳/摄"
    assert [(b.position, b.name, b.role) for b in articles[4].bylines.all()] == [
        (0, "沈春", "author"),
        (1, "李宗泰", "author"),
    ]
    assert [article.is_staff_report for article in articles] == [True] * 6 + [False, True, False]
    assert ImportedStory.objects.filter(source_name=SEED_PAGE.name).count() == 9
