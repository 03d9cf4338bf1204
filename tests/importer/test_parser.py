"""Pages of our own for the forms the seed page does not show."""

from articles.body import INTERTITLE, PARAGRAPH, Block
from importer.parser import parse_page
from importer.punctuation import normalise
from tests.importer.conftest import fw


def parse(text):
    return parse_page(normalise(text))


def test_a_union_label_after_the_headline_and_a_byline_with_roles():
    page = parse(
        """
职工书屋进车间
芜湖市总工会

本报讯 近日,芜湖市总工会在奇瑞公司开展“职工书屋进车间”活动。

活动共送出图书2000余册。(本报记者 陈雪 通讯员 王志刚)
"""
    )
    [story] = page.stories
    assert story.headline == "职工书屋进车间"
    assert story.union_label == "芜湖市总工会"
    assert story.staff_report is True
    assert story.bylines == [("陈雪", "reporter"), ("王志刚", "correspondent")]
    assert story.body == [
        Block(PARAGRAPH, fw("近日,芜湖市总工会在奇瑞公司开展“职工书屋进车间”活动。")),
        Block(PARAGRAPH, "活动共送出图书2000余册。"),
    ]
    assert story.genre == "news"
    assert page.leftovers == []


def test_names_in_the_staff_report_dateline_become_bylines():
    [story] = parse(
        """滁州市总工会
劳模创新工作室挂牌

本报讯(记者 陈雪 通讯员 王志刚 李强)4月13日,滁州市首批劳模创新工作室挂牌。
"""
    ).stories
    assert story.staff_report is True
    assert story.bylines == [
        ("陈雪", "reporter"),
        ("王志刚", "correspondent"),
        ("李强", "correspondent"),
    ]
    assert story.body == [Block(PARAGRAPH, fw("4月13日,滁州市首批劳模创新工作室挂牌。"))]


def test_a_closing_byline_of_its_own_with_roles_joins_the_dateline_bylines():
    [story] = parse(
        """亳州举办职工运动会

本报讯(通讯员 王志刚)4月13日,亳州市职工运动会开幕。

(本报记者 陈雪 通讯员 王志刚)
"""
    ).stories
    assert story.bylines == [("王志刚", "correspondent"), ("陈雪", "reporter")]


def test_photo_items_closed_by_each_form_of_credit():
    page = parse(
        """春耕时节劳模忙

4月12日,全国劳动模范张建国在田间指导农民春耕。李四海 摄

工会送清凉

7月1日,池州市总工会为高温下的职工送去清凉。
通讯员 王五一 摄

夜班工人的早餐

淮南市总工会为夜班工人送去早餐。本报记者 陈雪 摄
"""
    )
    assert [story.headline for story in page.stories] == [
        "春耕时节劳模忙",
        "工会送清凉",
        "夜班工人的早餐",
    ]
    assert [story.genre for story in page.stories] == ["photo"] * 3
    assert [story.bylines for story in page.stories] == [
        [("李四海", "photographer")],
        [("王五一", "photographer")],
        [("陈雪", "photographer")],
    ]
    assert page.stories[0].body == [
        Block(PARAGRAPH, fw("4月12日,全国劳动模范张建国在田间指导农民春耕。"))
    ]


def test_kicker_headline_subheadline_and_a_byline_under_the_headline():
    [story] = parse(
        """淮北市总工会
聚焦职工急难愁盼
淮北“工会驿站”覆盖全市
--户外劳动者有了“歇脚地”
本报记者 赵文静

全市已建成工会驿站120个。
"""
    ).stories
    assert story.kicker == "聚焦职工急难愁盼"
    assert story.headline == "淮北“工会驿站”覆盖全市"
    assert story.subheadline == "户外劳动者有了“歇脚地”"
    assert story.union_label == "淮北市总工会"
    assert story.bylines == [("赵文静", "reporter")]
    assert story.staff_report is False
    assert story.genre == "feature"


def test_intertitles_and_paragraphs_cut_by_column_breaks():
    [story] = parse(
        """他把车间当成家

——记全国劳动模范张建国

30年来,张建国扎根一线。

为了技术,他从不言苦

1990年,刚进厂的张建国被分到最苦最累的岗位上,他白天跟着师傅干活,晚上钻研

图纸。

为了徒弟

他带出的徒弟遍布全国,其中不少人成了技术骨干。(陈雪)
"""
    ).stories
    assert story.genre == "feature"
    assert story.body == [
        Block(PARAGRAPH, fw("30年来,张建国扎根一线。")),
        Block(INTERTITLE, fw("为了技术,他从不言苦")),
        Block(
            PARAGRAPH,
            fw("1990年,刚进厂的张建国被分到最苦最累的岗位上,他白天跟着师傅干活,晚上钻研图纸。"),
        ),
        Block(INTERTITLE, "为了徒弟"),
        Block(PARAGRAPH, fw("他带出的徒弟遍布全国,其中不少人成了技术骨干。")),
    ]


def test_a_short_line_right_after_an_intertitle_is_a_paragraph_head_not_another_intertitle():
    [story] = parse(
        """产业兴旺的故事

第一段讲的是背景。

为振兴,他奋斗不止

产业是乡村振兴的重要

基础。这一点大家都认同。(陈雪)
"""
    ).stories
    assert [block.type for block in story.body] == [PARAGRAPH, INTERTITLE, PARAGRAPH]
    assert story.body[2].text == "产业是乡村振兴的重要基础。这一点大家都认同。"


def test_several_stories_without_bylines_are_split_at_union_labels():
    page = parse(
        """宿州市总工会
送法进企业

本报讯 近日,宿州市总工会开展送法进企业活动。

马鞍山市总工会
技能大赛启幕

本报讯 近日,马鞍山市职工技能大赛开幕。
"""
    )
    assert [(story.union_label, story.headline) for story in page.stories] == [
        ("宿州市总工会", "送法进企业"),
        ("马鞍山市总工会", "技能大赛启幕"),
    ]


def test_a_headline_followed_by_a_dateline_starts_a_new_story_without_a_byline_before():
    page = parse(
        """第一条消息

本报讯 第一条消息的正文。

第二条消息

本报讯 第二条消息的正文。
"""
    )
    assert [story.headline for story in page.stories] == ["第一条消息", "第二条消息"]


def test_bylines_separated_by_enumeration_commas_and_a_commentary():
    page = parse(
        """两人合写的消息

正文一段。(黄元明、张晓东)

让劳模精神代代相传

劳模是民族的精英。(本报评论员 李明)
"""
    )
    assert page.stories[0].bylines == [("黄元明", "author"), ("张晓东", "author")]
    assert page.stories[1].bylines == [("李明", "author")]
    assert page.stories[1].genre == "commentary"


def test_a_trailing_line_names_the_column_and_text_outside_stories_is_kept():
    page = parse(
        """这是版面上方的一段说明文字,不属于任何稿件。

标题

正文。(陈雪)

【劳模风采】
"""
    )
    [story] = page.stories
    assert story.column == "劳模风采"
    assert page.leftovers == [fw("这是版面上方的一段说明文字,不属于任何稿件。")]


def test_text_without_a_headline_holds_no_story():
    page = parse("只有一段正文,没有标题。\n\n又一段正文。")
    assert page.stories == []
    assert len(page.leftovers) == 2
    assert parse("标题而已").stories == []


def test_half_width_copy_parses_the_same_without_normalisation():
    page = parse_page("宿州市总工会\n\n标题\n\n本报讯(记者 陈雪)近日,正文。\n\n(黄元明)\n")
    [story] = page.stories
    assert story.bylines == [("陈雪", "reporter"), ("黄元明", "author")]
    assert story.body == [Block(PARAGRAPH, "近日,正文。")]


def test_a_caption_without_a_full_stop_still_gives_up_its_credit():
    page = parse(
        """党史课开进工地

工人们在工地上听党史课
姚佳佳/摄

劳模进校园

劳模为学生讲述奋斗故事 通讯员 王志刚 摄
"""
    )
    assert [(story.body[0].text, story.bylines) for story in page.stories] == [
        ("工人们在工地上听党史课", [("姚佳佳", "photographer")]),
        ("劳模为学生讲述奋斗故事", [("王志刚", "photographer")]),
    ]


def test_a_headline_ending_in_union_is_not_taken_for_a_union_label():
    [story] = parse("把职工之家建在工会\n\n本报讯 近日,铜化集团工会挂牌。(陈雪)\n").stories
    assert story.headline == "把职工之家建在工会"
    assert story.union_label == ""


def test_the_column_after_a_story_without_a_closing_byline():
    [story] = parse("标题\n\n正文一段。\n\n扶贫村里的故事\n").stories
    assert story.column == "扶贫村里的故事"
    assert story.body == [Block(PARAGRAPH, "正文一段。")]


def test_a_number_or_a_latin_word_split_by_a_column_break_is_rejoined_the_right_way():
    [story] = parse(
        """贷款额度提高

本报讯 贷款额度最高30

00万元,职工可用WeChat

Pay还款。(陈雪)
"""
    ).stories
    assert story.body == [Block(PARAGRAPH, fw("贷款额度最高3000万元,职工可用WeChat Pay还款。"))]


def test_names_in_the_dateline_and_the_closing_byline_are_credited_once():
    page = parse(
        """驿站覆盖全市

本报讯(记者 张晓东 通讯员 李明华)近日,全市工会驿站建成。

驿站免费开放。(本报记者 张晓东 王丽 通讯员 李明华)

书屋开放

本报讯(记者 陈雪)近日,职工书屋开放。(陈雪)
"""
    )
    # The reporters stay together, so the credit reads (本报记者 张晓东 王丽 通讯员 李明华).
    assert page.stories[0].bylines == [
        ("张晓东", "reporter"),
        ("王丽", "reporter"),
        ("李明华", "correspondent"),
    ]
    # A bare name repeating a reporter credits nobody new.
    assert page.stories[1].bylines == [("陈雪", "reporter")]


def test_a_bare_name_takes_the_role_printed_later_and_a_writer_may_also_take_photos():
    [story] = parse(
        """运动会开幕

本报讯 近日,职工运动会开幕。(陈雪)

(本报记者 陈雪)

陈雪/摄
"""
    ).stories
    assert story.bylines == [("陈雪", "reporter"), ("陈雪", "photographer")]


def test_a_headline_that_looks_like_a_union_name_is_kept_as_the_headline():
    page = parse(
        """激活区域工会

本报讯 近日,区域工会联合会成立。(陈雪)

宿州市总工会
建强基层工会

本报讯 近日,宿州市基层工会规范化建设推进会召开。(黄元明)

建强企业工会
铜陵市总工会

本报讯 近日,铜陵市企业工会工作会议召开。(吴兆虎)
"""
    )
    assert [(story.headline, story.union_label) for story in page.stories] == [
        ("激活区域工会", ""),
        ("建强基层工会", "宿州市总工会"),
        ("建强企业工会", "铜陵市总工会"),
    ]
    assert page.leftovers == []


def test_sources_and_serial_marks_in_parentheses_are_not_bylines():
    [story] = parse(
        """劳模精神代代传

全国劳模表彰大会在京举行。(据新华社)

大会表彰了一批先进集体。(未完待续)
"""
    ).stories
    assert story.bylines == []
    # Each note still ends its paragraph: the next block is not glued to it.
    assert story.body == [
        Block(PARAGRAPH, fw("全国劳模表彰大会在京举行。(据新华社)")),
        Block(PARAGRAPH, fw("大会表彰了一批先进集体。(未完待续)")),
    ]


def test_two_character_names_padded_with_a_space_are_read_whole():
    page = parse(
        """座谈会召开

本报讯(记者 王\u3000伟 通讯员 李 强)近日,座谈会召开。(本报记者 王\u3000伟 陈雪)

工会送清凉

7月1日,池州市总工会为高温下的职工送去清凉。
赵 刚 摄
"""
    )
    assert [story.bylines for story in page.stories] == [
        [("王伟", "reporter"), ("陈雪", "reporter"), ("李强", "correspondent")],
        [("赵刚", "photographer")],
    ]
