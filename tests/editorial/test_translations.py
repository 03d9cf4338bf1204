"""The desk's words in Chinese (tests/newsroom/test_translations.py checks every catalogue)."""

import re
from pathlib import Path

import polib
from django.utils import translation

from editorial.workflow import TRANSITIONS

CATALOGUE = Path(__file__).resolve().parents[2] / "editorial/locale/zh_Hans/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s")
# Chinese text takes full-width punctuation (GB/T 15834); "410 Gone" and the like keep theirs.
HALF_WIDTH_BESIDE_CHINESE = re.compile(
    r"[\u3000-\u9fff\uff00-\uffef][,:;!?()\[\]]|[,:;!?()\[\]][\u3000-\u9fff\uff00-\uffef]"
)


def test_the_desk_speaks_chinese():
    with translation.override("zh-hans"):
        assert str(TRANSITIONS["approve"].label) == "签发"
        assert translation.gettext("Scheduled") == "已排期"
        assert translation.gettext("Length (characters)") == "字数"


def test_the_desk_uses_full_width_punctuation():
    wrong = []
    for entry in polib.pofile(str(CATALOGUE)):
        # A placeholder stands for a word: "至 %(time)s,%(zone)s" is as wrong as "至 某时,某地".
        text = PLACEHOLDER.sub("字", entry.msgstr)
        if HALF_WIDTH_BESIDE_CHINESE.search(text):
            wrong.append(entry.msgstr)
    assert wrong == []
