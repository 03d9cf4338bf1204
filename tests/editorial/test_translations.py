"""The desk's words in Chinese (tests/foundation checks that every catalogue is complete)."""

from django.utils import translation

from editorial.services import TRANSITIONS


def test_the_desk_speaks_chinese():
    with translation.override("zh-hans"):
        assert str(TRANSITIONS["approve"].label) == "签发"
        assert translation.gettext("Scheduled") == "已排期"
        assert translation.gettext("Length (characters)") == "字数"
