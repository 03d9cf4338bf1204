"""The conventions of Chinese papers the parser reads, one by one."""

import pytest

from importer.credits import parse_credit
from importer.decoding import decode_text
from importer.parser import DRAFTED_HEADLINE, PHOTO_PLACEHOLDER, parse_page
from importer.punctuation import normalise
from importer.traditional import is_traditional, to_simplified


def stories(text):
    return parse_page(normalise(text)).stories


@pytest.mark.parametrize(
    ("credit", "bylines"),
    [
        ("本报记者 陈雪 通讯员 王志刚", [("陈雪", "reporter"), ("王志刚", "correspondent")]),
        ("■ 评论员 郑直", [("郑直", "author")]),
        ("文/图 孙悦", [("孙悦", "author"), ("孙悦", "photographer")]),
        ("文：张楠 图：李响", [("张楠", "author"), ("李响", "photographer")]),
        (
            "撰稿：张楠 摄影：李响 审核：王明",
            [("张楠", "author"), ("李响", "photographer"), ("王明", "editor")],
        ),
        ("记者 陈雪 摄", [("陈雪", "photographer")]),
        ("记者 陈雪 报道", [("陈雪", "reporter")]),
        ("文静", [("文静", "author")]),  # a name that starts like the role 文
    ],
)
def test_bylines_in_every_common_form(credit, bylines):
    assert parse_credit(credit).bylines == bylines


def test_an_organisation_before_the_name_is_a_hint_for_the_union():
    credit = parse_credit("龙亢镇总工会 王丽")
    assert (credit.bylines, credit.organisation) == ([("王丽", "author")], "龙亢镇总工会")


def test_a_picture_placeholder_is_not_a_byline():
    assert parse_credit("图片") is None
    [story] = stories("一条消息\n\n近日,活动举行。\n\n(图片)\n\n(陈雪)\n")
    assert story.bylines == [("陈雪", "author")]
    assert PHOTO_PLACEHOLDER in story.warnings


def test_the_long_dateline_keeps_its_place_and_date():
    [story] = stories("劳模进校园\n\n本报合肥4月13日讯(记者 陈雪)4月12日,劳模走进校园。\n")
    assert (story.staff_report, story.dateline) == (True, "合肥4月13日")
    assert story.bylines == [("陈雪", "reporter")]
    assert story.body[0].text.startswith("4月12日")


def test_a_story_without_a_byline_does_not_swallow_the_next():
    page = stories(
        "第一条消息\n\n本报讯 近日,活动举行。\n\n活动吸引了很多职工。\n\n"
        "第二条消息\n\n4月13日,另一场活动举行。\n\n第三条消息\n\n本报讯 又一场活动。(陈雪)\n"
    )
    assert [story.headline for story in page] == ["第一条消息", "第二条消息", "第三条消息"]
    assert [story.paragraph_count for story in page] == [2, 1, 1]


def test_a_headline_broken_over_two_lines_keeps_both():
    [story] = stories("“劳模工作室”里的\n\n创新故事\n\n本报讯 近日,劳模工作室开放。(陈雪)\n")
    assert (story.kicker, story.headline) == ("", "“劳模工作室”里的创新故事")


def test_the_masthead_is_no_story_and_its_editor_edits_every_story():
    page = parse_page(
        "2026年5月12日 星期二 第3版 城市工会 责任编辑：周敏 美编：孙琪\n\n"
        "一条消息\n\n本报讯 近日,活动举行。(陈雪)\n"
    )
    assert page.leftovers == []
    assert page.stories[0].bylines == [("陈雪", "author"), ("周敏", "editor")]


def test_an_editors_note_before_the_headline_and_after_it():
    before, after = stories(
        "编者按:近年来,驿站越建越多。\n\n驿站要用起来\n\n驿站的生命在于使用。(刘洋)\n\n"
        "职工书屋\n\n编者按:书屋是职工的精神家园。\n\n书屋开进了车间。(陈雪)\n"
    )
    assert before.editors_note == "近年来，驿站越建越多。"
    assert after.editors_note == "书屋是职工的精神家园。"
    assert after.body[0].text == "书屋开进了车间。"
    assert {before.genre, after.genre} == {"commentary"}


def test_marked_intertitles():
    [story] = stories(
        "安全月活动\n\n本报讯 活动启动。\n\n◆ 现场演练\n\n职工上阵。\n\n一、隐患排查\n\n"
        "查出隐患23条。\n\n(一)整改到位\n\n全部整改。\n\n## 下一步\n\n继续开展。(陈雪)\n"
    )
    assert [block.text for block in story.body if block.type == "intertitle"] == [
        "现场演练",
        "一、隐患排查",
        "（一）整改到位",
        "下一步",
    ]


def test_each_brief_of_a_brief_column_is_its_own_story():
    page = parse_page(
        normalise(
            "简讯\n\n宿州市总工会近日举办财务培训班,120人参加。(黄元明)\n\n"
            "■淮北:10月以来,淮北市总工会为环卫工人送去工装。\n"
        )
    )
    first, second = page.stories
    assert (first.headline, first.column) == ("宿州市总工会近日举办财务培训班", "简讯")
    assert second.headline == "淮北市总工会为环卫工人送去工装"
    assert second.union_hint == "淮北"
    assert DRAFTED_HEADLINE in first.warnings and DRAFTED_HEADLINE in second.warnings


def test_a_column_tag_heads_the_story_after_it_and_commentary_labels_make_commentary():
    first, second = stories(
        "【劳动者之声】\n\n让津贴落到实处\n\n高温津贴是法定权益。(郑直)\n\n"
        "时评\n\n技能人才要有奔头\n\n技能人才大有可为。(王晓东)\n"
    )
    assert (first.column, second.column) == ("劳动者之声", "时评")
    assert second.genre == "commentary"


def test_a_single_dash_between_words_is_a_connector():
    assert normalise("申报—审核—发放") == "申报—审核—发放"
    assert normalise("推出专属产品—“劳模贷”") == "推出专属产品——“劳模贷”"
    assert normalise("—追记朱世群") == "——追记朱世群"


def test_traditional_text_is_detected_and_converted():
    assert is_traditional("本報訊 記者 陳雪 攝")
    assert not is_traditional("本报讯 记者 陈雪 摄")
    assert to_simplified("「兩節」送溫暖") == "“两节”送温暖"


def test_a_big5_file_is_not_mistaken_for_gb18030():
    text = "本報訊（記者 陳雪）合肥市總工會啟動送溫暖活動。"
    decoded = decode_text(text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("Big5", text)


def test_a_headline_or_sentence_naming_an_issue_is_no_masthead():
    page = parse_page(
        normalise(
            "泗县工会微周刊 | 第18期\n\n职工书屋建设第1期\n\n"
            "本报讯 近日,第1期职工书屋建设启动,第3版刊登了名单。(陈雪)\n"
        )
    )
    assert page.masthead == ["泗县工会微周刊 | 第18期"]
    [story] = page.stories
    assert story.headline == "职工书屋建设第1期"
    assert story.body[0].text.startswith("近日")
