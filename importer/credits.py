"""Bylines and photo credits the way Chinese papers print them.

"(黄元明)", "(沈春 李宗泰)", "(本报记者 陈雪 通讯员 王志刚)", "本报讯(记者 陈雪)",
"姚佳佳/摄", "姚佳佳 摄", "通讯员 姚佳佳 摄". These are print conventions, not interface text.
"""

import re
from dataclasses import dataclass

from articles.models import Byline
from importer.punctuation import IDEOGRAPHS

AUTHOR = Byline.Role.AUTHOR.value
REPORTER = Byline.Role.REPORTER.value
CORRESPONDENT = Byline.Role.CORRESPONDENT.value
PHOTOGRAPHER = Byline.Role.PHOTOGRAPHER.value
EDITOR = Byline.Role.EDITOR.value
# "文/图 某某": the writer took the pictures too; the name gets both roles.
AUTHOR_AND_PHOTOGRAPHER = "author+photographer"

# Role words before names; the longest first, so that 本报记者 is not read as 本报 + 记者.
ROLE_WORDS = {
    "本报特约记者": REPORTER,
    "本报见习记者": REPORTER,
    "本报实习记者": REPORTER,
    "本报记者": REPORTER,
    "特约记者": REPORTER,
    "见习记者": REPORTER,
    "实习记者": REPORTER,
    "摄影记者": PHOTOGRAPHER,
    "记者": REPORTER,
    "本报通讯员": CORRESPONDENT,
    "特约通讯员": CORRESPONDENT,
    "通讯员": CORRESPONDENT,
    "实习生": AUTHOR,
    "本报评论员": AUTHOR,
    "评论员": AUTHOR,
    "责任编辑": EDITOR,
    "责编": EDITOR,
    "编辑": EDITOR,
    "审核": EDITOR,
    "审稿": EDITOR,
    "摄影": PHOTOGRAPHER,
    "撰稿": AUTHOR,
    "文字": AUTHOR,
    "作者": AUTHOR,
    "图片": PHOTOGRAPHER,
    "文/图": AUTHOR_AND_PHOTOGRAPHER,
    "文": AUTHOR,
    "图": PHOTOGRAPHER,
}
COMMENTARY_ROLE_WORDS = {"本报评论员", "评论员"}
_ROLE_ALTERNATIVES = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE_AT_START = re.compile(f"^({_ROLE_ALTERNATIVES})[:\uff1a]?")
# A Chinese personal name: two to four characters, or a transcribed name with a middle dot.
# Rare characters (生僻字, beyond the basic block) are common in names.
HAN = IDEOGRAPHS
NAME = f"[{HAN}]{{2,4}}|[{HAN}]{{1,8}}(?:[··•][{HAN}]{{1,8}})+"
_NAME = re.compile(f"^(?:{NAME})$")
# Short notes in parentheses that look like names but credit nobody: sources ("新华社",
# "据新华社", "本报综合", "人民网", "工人日报") and serial marks ("待续", "未完待续", "资料图").
_NOT_A_PERSON = re.compile(r"^据|综合|^.{2,}(?:社|网|报|电视台|电台)$|待续|^全文完$|^资料图$")
_SINGLE_CHARACTER = re.compile(f"^[{HAN}]$")
_SEPARATORS = re.compile(r"[\s\u3000、,\uff0c;\uff1b]+")
_PHOTO_MARK = re.compile(r"\s*[/\uff0f]?\s*摄$")
_REPORTED = re.compile(r"\s+报道$")
# An organisation printed before the names in a closing credit: a union, a company, an office.
_ORGANISATION = re.compile(
    f"^[{IDEOGRAPHS}A-Za-z0-9()\uff08\uff09·]{{2,30}}"
    "(?:工会|工会委员会|公司|集团|医院|学校|学院|中心|局|委员会|办公室|街道|社区)$"
)
# Written as escapes: the full-width marks (U+FF01…) look like their ASCII twins in an editor.
SENTENCE_END = "。!?\uff01\uff1f…"
CLAUSE_END = ";:\uff1b\uff1a."
CLOSERS = "”’」』)\uff09》"
PARENTHESISED = re.compile(r"^[(\uff08]([^()\uff08\uff09]{2,60})[)\uff09]$")
_TRAILING_PARENTHESES = re.compile(r"[(\uff08]([^()\uff08\uff09]{2,60})[)\uff09]$")
# The tail of a caption that may be a photo credit: names, perhaps after a role, then 摄.
_TRAILING_PHOTO_CREDIT = re.compile(
    r"(?:(?:" + _ROLE_ALTERNATIVES + r")[:\uff1a]?\s*)?"
    r"(?:" + NAME + r")(?:[\s\u3000、]+(?:" + NAME + r"))*\s*[/\uff0f]?\s*摄$"
)
SPACES = " \t\u3000"
_LEADING_MARKS = "□■◇◆●○▲△★☆ \u3000"


@dataclass(frozen=True)
class Credit:
    """The (name, role) pairs of one byline or photo credit, in print order."""

    bylines: list
    is_photo: bool = False
    is_commentary: bool = False
    # The union or organisation printed before the names: "(龙亢镇总工会 王丽)".
    organisation: str = ""


def parse_credit(text, *, require_role=False):
    """A Credit for text made only of role words and names ("本报记者 陈雪 通讯员 王志刚",
    "姚佳佳/摄", "文/图 王丽", "撰稿:王丽 摄影:李强", "记者 陈雪 报道"), perhaps after the
    organisation the writer works for, or None when text is anything else."""
    text = text.strip().strip(_LEADING_MARKS).replace("\uff0f", "/")
    reported = bool(_REPORTED.search(text))
    text = _REPORTED.sub("", text)
    is_photo = bool(_PHOTO_MARK.search(text))
    if is_photo:
        text = _PHOTO_MARK.sub("", text)
    tokens = _join_spaced_names([token for token in _SEPARATORS.split(text) if token])
    organisation = ""
    if len(tokens) > 1 and _ORGANISATION.match(tokens[0]):
        organisation = tokens.pop(0)
    if not tokens:
        return None
    role, saw_role, is_commentary = AUTHOR, False, False
    bylines = []
    for token in tokens:
        while token:
            role_match = _ROLE_AT_START.match(token)
            if role_match and _is_role_word(role_match, token):
                word = role_match.group(1)
                role, saw_role = ROLE_WORDS[word], True
                is_commentary = is_commentary or word in COMMENTARY_ROLE_WORDS
                token = token[role_match.end() :]
                continue
            if not _NAME.match(token) or _NOT_A_PERSON.search(token):
                return None
            if role == AUTHOR_AND_PHOTOGRAPHER:
                bylines.extend([(token, AUTHOR), (token, PHOTOGRAPHER)])
            else:
                bylines.append((token, role))
            token = ""
    if not bylines or (require_role and not (saw_role or is_photo or organisation or reported)):
        return None
    if is_photo:
        bylines = [(name, PHOTOGRAPHER) for name, _role in bylines]
    return Credit(
        bylines, is_photo=is_photo, is_commentary=is_commentary, organisation=organisation
    )


def _is_role_word(match, token):
    """One-character roles ("文", "图") only as "文:" or on their own: 文静 is a name."""
    word = match.group(1)
    return len(word) > 1 or match.end() > len(word) or token == word


def _join_spaced_names(tokens):
    """Two-character names padded to the width of three ("王　伟") made whole again."""
    joined = []
    for token in tokens:
        if _SINGLE_CHARACTER.match(token) and joined and _SINGLE_CHARACTER.match(joined[-1]):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def ends_sentence(text):
    """True when text ends a sentence: a full stop, question or exclamation mark, an ellipsis,
    a semicolon or colon, or a closing quote or bracket right after one of these, or a note
    in parentheses after a sentence: "…举行。(新华社)", "…开幕。(未完待续)"."""
    text = _TRAILING_PARENTHESES.sub("", text.rstrip()).rstrip() or text.rstrip()
    while text and text[-1] in CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END + CLAUSE_END


def split_trailing_credit(paragraph):
    """(text, Credit) for a paragraph that closes with a byline or photo credit after its last
    sentence (a photo credit also after a space): "…乡村振兴。(徐希涛)", "…参加活动。姚佳佳/摄",
    "…讲述奋斗故事 通讯员 王志刚 摄". (paragraph, None) for any other paragraph."""
    paragraph = paragraph.rstrip()
    for pattern in (_TRAILING_PARENTHESES, _TRAILING_PHOTO_CREDIT):
        for match in _candidate_matches(pattern, paragraph):
            before = paragraph[: match.start()].rstrip()
            # A space sets off a photo credit ("…奋斗故事 王志刚 摄"); brackets after a space
            # may be anything ("合肥花园 (二期)").
            spaced = (
                pattern is _TRAILING_PHOTO_CREDIT
                and match.start() > 0
                and paragraph[match.start() - 1] in SPACES
            )
            if before and not (ends_sentence(before) or spaced):
                continue
            inner = match.group(1) if pattern is _TRAILING_PARENTHESES else match.group()
            credit = parse_credit(inner)
            if credit:
                return before, credit
    return paragraph, None


def _candidate_matches(pattern, text):
    """Matches of pattern ending text, from the longest to the shortest start."""
    for start in range(max(0, len(text) - 80), len(text)):
        match = pattern.match(text, start)
        if match and match.end() == len(text):
            yield match
