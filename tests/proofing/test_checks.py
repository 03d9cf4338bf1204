"""Each automatic check, hit and missed, as the story's change page shows it."""

import re

import pytest

from proofing.models import SensitiveWord, StandardTerm, TypoEntry
from tests.editorial.helpers import change_url
from tests.news.helpers import make_photo

CLEAN = "本报讯 4月13日上午，宿州市总工会举办首届工资集体协商技能竞赛。" * 8


def codes_on_page(client, article):
    page = client.get(change_url(article)).content.decode()
    return re.findall(r'class="proof-finding proof-finding--\w+" data-code="(\w+)"', page)


@pytest.fixture
def desk_lists(db):
    TypoEntry.objects.create(wrong="的的", right="的")
    TypoEntry.objects.create(wrong="既使", right="即使")
    StandardTerm.objects.create(wrong="全总", right="中华全国总工会")
    SensitiveWord.objects.create(word="禁用词")


@pytest.mark.parametrize(
    ("code", "hit", "miss"),
    [
        ("half_width_punctuation", {"body": "近日,宿州市总工会举办竞赛。"}, {"body": CLEAN}),
        ("unpaired_mark", {"body": "他说：“我们要做好。"}, {"body": "他说：“我们要做好。”"}),
        ("unpaired_mark", {"body": "学习《工会法"}, {"body": "学习《工会法》。"}),
        ("typo", {"body": "职工的的权益。"}, {"body": "职工的权益。"}),
        (
            "standard_term",
            {"body": "全总部署工作。中华全国总工会要求……"},
            {"body": "中华全国总工会部署工作，全总要求……"},
        ),
        ("sensitive_word", {"body": "这里有禁用词。"}, {"body": CLEAN}),
        (
            "duplicated_dateline",
            {"body": "本报讯 近日……", "is_staff_report": True},
            {"body": "近日……", "is_staff_report": True},
        ),
        ("headline_length", {"headline": "长" * 31}, {"headline": "短标题"}),
        ("headline_punctuation", {"headline": "首办技能竞赛。"}, {"headline": "首办技能竞赛"}),
        ("length", {"body": "太短。"}, {"body": CLEAN}),
    ],
)
def test_each_check_hits_and_misses(desk_lists, story, editor, login, code, hit, miss):
    client = login(editor)
    assert code in codes_on_page(client, story(status="review", **hit))
    assert code not in codes_on_page(client, story(status="review", **miss))


def test_photo_checks(desk_lists, story, editor, login):
    client = login(editor)
    bare = story(status="review", genre="photo", body="图片说明。")
    assert "photo_missing" in codes_on_page(client, bare)
    credited = story(status="review", genre="photo", body="图片说明。")
    make_photo(credited, is_lead=True, credit="姚佳佳", alt_text="职工在竞赛中")
    codes = codes_on_page(client, credited)
    assert "photo_missing" not in codes and "photo_credit" not in codes
    uncredited = story(status="review", genre="news", body=CLEAN)
    make_photo(uncredited, credit="", alt_text="")
    codes = codes_on_page(client, uncredited)
    assert "photo_credit" in codes and "photo_alt_text" in codes


def test_the_place_is_highlighted_and_escaped(desk_lists, story, editor, login):
    article = story(status="review", body="<b>粗</b>职工的的权益。")
    page = login(editor).get(change_url(article)).content.decode()
    assert '<mark class="proof-mark proof-mark--typo">的的</mark>' in page
    assert "&lt;b&gt;粗&lt;/b&gt;" in page and "<b>粗</b>" not in page
