"""The editorial workflow's Chinese catalogue is complete and compiled."""

from pathlib import Path

import polib
from django.utils import translation

from editorial.services import TRANSITIONS

CATALOGUE = Path(__file__).resolve().parents[2] / "editorial/locale/zh_Hans/LC_MESSAGES"


def test_every_msgid_is_translated():
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    compiled = polib.mofile(str(CATALOGUE / "django.mo"))
    assert {entry.msgid for entry in compiled} >= {entry.msgid for entry in catalogue}


def test_the_desk_speaks_chinese():
    with translation.override("zh-hans"):
        assert str(TRANSITIONS["approve"].label) == "签发"
        assert translation.gettext("Scheduled") == "已排期"
        assert translation.gettext("Length (characters)") == "字数"
