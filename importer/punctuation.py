"""Full-width punctuation inside Chinese text, the way GB/T 15834-2011 wants it.

Copy converted from print or typed on a Latin keyboard carries half-width marks inside Chinese
sentences: "近日,宿州市…", "(黄元明)". Chinese text takes the full-width comma, full stop 。,
semicolon, colon, question and exclamation marks and brackets (U+FF0C, U+FF1B, U+FF1A,
U+FF1F, U+FF01, U+FF08, U+FF09), “ ” quotes, —— and ……; numbers and Latin words keep their
half-width marks: "1-6年级", "16:30", "3.5万元", "we课堂" stay.
A mark is made full-width only where Chinese text touches it. A single — straight between two
ideographs is a connector (申报—审核—发放) and stays single; elsewhere it becomes ——.
"""

import re

# Chinese ideographs (the CJK blocks, compatibility forms and the supplementary planes), as a
# character-class body; the parser and the credit reader use it too.
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# Characters of Chinese text: ideographs and the marks that only Chinese text uses.
_CHINESE = re.compile(
    f"[{IDEOGRAPHS}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2014\u2018\u2019\u201c\u201d\u2026]"
)
_CHINESE_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")

# Escapes, because full-width marks look like their ASCII twins in an editor.
_FULL_WIDTH_MARK = {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f", "!": "\uff01"}
FULL_WIDTH_LEFT_PARENTHESIS = "\uff08"
FULL_WIDTH_RIGHT_PARENTHESIS = "\uff09"
_SPACES = " \t"

# Full-width digits and Latin letters are half-width in Chinese text (GB/T 15834, 15835).
_FULL_WIDTH_ALPHANUMERIC = str.maketrans(
    {
        chr(code): chr(code - 0xFEE0)
        for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    }
)

_CLAUSE_MARK = re.compile(r"[ \t]*[,;:?!][ \t]*")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|(?<!…)…(?!…)")
_FULL_STOP = re.compile(
    r"(?<=[" + IDEOGRAPHS + r"”’\uff09])\.(?=$|[\s" + IDEOGRAPHS + r"“”‘’])", re.M
)
_DASH = re.compile(r"-{2,}|(?<!—)—(?!—)")
_PARENTHESES = re.compile(r"\(([^()\n]*)\)")
_DOUBLE_QUOTES = re.compile(r'"([^"\n]*)"')


def normalise(text):
    """text with half-width punctuation inside Chinese text made full-width."""
    text = text.translate(_FULL_WIDTH_ALPHANUMERIC)
    text = _ELLIPSIS.sub(_ellipsis, text)
    text = _FULL_STOP.sub("。", text)
    text = _DASH.sub(_dash, text)
    text = _PARENTHESES.sub(_parentheses, text)
    text = _DOUBLE_QUOTES.sub(_double_quotes, text)
    return _CLAUSE_MARK.sub(_clause_mark, text)


def is_chinese(character):
    return bool(character) and _CHINESE.match(character) is not None


def _neighbours(text, start, end):
    """The nearest characters before start and from end on, skipping spaces, within the line."""
    before = start - 1
    while before >= 0 and text[before] in _SPACES:
        before -= 1
    after = end
    while after < len(text) and text[after] in _SPACES:
        after += 1
    previous = text[before] if before >= 0 else ""
    following = text[after] if after < len(text) else ""
    return previous, following


def _touches_chinese(match):
    previous, following = _neighbours(match.string, match.start(), match.end())
    return is_chinese(previous) or is_chinese(following)


def _clause_mark(match):
    mark = match.group().strip(_SPACES)
    if not _touches_chinese(match):
        return match.group()
    return _FULL_WIDTH_MARK[mark]


def _ellipsis(match):
    return "……" if _touches_chinese(match) else match.group()


def _dash(match):
    if match.group() == "—" and _is_connector(match):
        return match.group()
    return "——" if _touches_chinese(match) else match.group()


def _is_connector(match):
    """A single — straight between two ideographs joins them (申报—审核—发放, 合肥—南京):
    GB/T 15834's connector, which stays one dash."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(_CHINESE_IDEOGRAPH.match(before)) and bool(_CHINESE_IDEOGRAPH.match(after))


def _parentheses(match):
    inner = match.group(1)
    if _CHINESE_IDEOGRAPH.search(inner) or _touches_chinese(match):
        return f"{FULL_WIDTH_LEFT_PARENTHESIS}{inner}{FULL_WIDTH_RIGHT_PARENTHESIS}"
    return match.group()


def _double_quotes(match):
    inner = match.group(1)
    if _CHINESE_IDEOGRAPH.search(inner):
        return f"“{inner}”"
    return match.group()
