"""Half-width punctuation inside Chinese text becomes full-width (GB/T 15834)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from importer.punctuation import normalise
from tests.importer.conftest import fw


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        ("4月13日上午,安庆", fw("4月13日上午,安庆")),
        ("(黄元明)", fw("(黄元明)")),
        ("合肥花园(二期)工程", fw("合肥花园(二期)工程")),
        ("“四点半课堂”:守护成长", fw("“四点半课堂”:守护成长")),
        ("怎么办?家人沉默了;他说!", fw("怎么办?家人沉默了;他说!")),
        ("近日 , 宿州市", fw("近日,宿州市")),
        ('"四点半课堂"开班', "“四点半课堂”开班"),
        ("参加活动.", "参加活动。"),
        ("读书...这是", "读书……这是"),
        ("--追记朱世群", "——追记朱世群"),
        ("ＡＢＣ１２３课堂", "ABC123课堂"),
    ],
)
def test_marks_inside_chinese_text_become_full_width(copy, expected):
    assert normalise(copy) == expected


@pytest.mark.parametrize(
    "copy",
    [
        "“结对共建”启动",  # quotes that are right already
        "为1-6年级的学生",
        "we课堂",
        "16:30开始",
        "贷款3.5万元",
        "10,000人",
        "“信贷+孵化+辅导”",
        "姚佳佳/摄",
        "see p. 3 (in English), please",
        'He said "hello".',
    ],
)
def test_numbers_latin_words_and_correct_text_stay_as_they_are(copy):
    assert normalise(copy) == copy


def test_times_stay_half_width_after_a_chinese_colon():
    assert normalise("时间:8:00") == fw("时间:") + "8:00"


def test_normalising_twice_changes_nothing():
    once = normalise("近日,宿州市(黄元明)读书...")
    assert normalise(once) == once


@pytest.mark.django_db
def test_the_command_can_leave_punctuation_alone(write_file, province):
    path = write_file("page.txt", "标题\n\n本报讯 近日,宿州市总工会举行会议。(黄元明)\n")

    def first_paragraph(*options):
        out = StringIO()
        call_command(
            "import_page", str(path), "--json", "--dry-run", *options, stdout=out, stderr=StringIO()
        )
        return json.loads(out.getvalue())["stories"][0]["body"][0]["text"]

    assert first_paragraph() == fw("近日,宿州市总工会举行会议。")
    assert first_paragraph("--no-punctuation") == "近日,宿州市总工会举行会议。"
