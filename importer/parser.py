"""A page of copy to stories: headlines, labels, datelines, paragraphs, intertitles, bylines.

A page is a sequence of lines (blank lines carry no meaning: copy converted from print puts
them between paragraphs and also inside paragraphs split by a column break). Each story has
a head (union label before or after the headline, kicker, headline, "——" subheadline), then a
body that may open with the 本报讯 dateline and may hold intertitles, and closes with a byline
in parentheses or a photo credit. A trailing line after the last story names its column.
"""

import re
from dataclasses import dataclass, field

from articles.body import INTERTITLE, PARAGRAPH, Block
from articles.models import Article
from importer.credits import (
    AUTHOR,
    CORRESPONDENT,
    EDITOR,
    HAN,
    NAME,
    PARENTHESISED,
    PHOTOGRAPHER,
    REPORTER,
    Credit,
    ends_sentence,
    parse_credit,
    split_trailing_credit,
)

HEADLINE_MAX_LENGTH = 40
SUBHEADLINE_MAX_LENGTH = 80
# A kicker and a headline without any other sign of a new story are both this short.
KICKER_MAX_LENGTH = 28
# The tail of a paragraph cut by a column break often ends its sentence within a few characters.
CONTINUATION_MAX_LENGTH = 5
# A brief's first clause shorter than this is its time ("10月26日"), not what happened.
BRIEF_CLAUSE_MIN_LENGTH = 8
# Intertitles (小标题) are short: longer lines without a full stop are paragraph heads cut off
# by a column break ("…投身脱贫攻坚事业" + "时,家人沉默了。").
INTERTITLE_MAX_LENGTH = 20
UNION_LABEL_MAX_LENGTH = 30

_STRIPPED = " \t\u3000"
_UNION_LABEL = re.compile(f"^[{HAN}A-Za-z0-9()\uff08\uff09·]{{2,28}}工会$")
_ORGANISATION_MARKERS = (
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "街道",
    "社区",
    "村",
    "公司",
    "集团",
    "企业",
    "医院",
    "学校",
    "学院",
    "大学",
    "中学",
    "小学",
    "局",
    "厂",
    "矿",
    "站",
    "中心",
    "所",
    "行业",
    "系统",
    "委员会",
    "联合会",
    "银行",
    "机关",
)
_SUBHEADLINE = re.compile(r"^(?:—{1,2}|-{1,2}|─{1,2})\s*(\S.*)$")
# "本报讯", "本报讯(记者 陈雪)", "本报合肥4月13日讯(记者 陈雪)": the place and date stay.
_DATELINE = re.compile(
    r"^本报([^讯,\uff0c。\s]{0,20}?)讯\s*(?:[(\uff08]([^()\uff08\uff09]{0,60})[)\uff09])?[\s:\uff1a]*"
)
# Lines a page's masthead is made of: date and weekday, page number, the page's editors.
_MASTHEAD = re.compile(
    r"星期[一二三四五六日天]|第\s*[0-9一二三四五六七八九十]+\s*版|[|\uff5c·\s]第\s*\d+\s*期$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日$"
)
_MASTHEAD_EDITORS = re.compile(
    f"(?:责任编辑|责编|本版编辑)[:\uff1a\\s]*((?:{NAME})(?:、(?:{NAME}))*)"
)
_MASTHEAD_STAFF = re.compile(r"^(?:责任编辑|责编|本版编辑|美编|美术编辑|校对|版式|组版)[:\uff1a\s]")
FORCED_HEADLINE = "# "
_INTERTITLE_MARKED = re.compile(
    r"^(?:##\s*|[◆■●▲◇□○]\s*|[一二三四五六七八九十]{1,3}、|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09])"
)
_INTERTITLE_MARK_ONLY = re.compile(r"^(?:##\s*|[◆■●▲◇□○]\s*)")
MARKED_INTERTITLE_MAX_LENGTH = 30
_EDITORS_NOTE = re.compile(r"^[【\[]?编者按[】\]]?[:\uff1a\s]*")
_COLUMN_TAG = re.compile(r"^[【\[\uff3b〖]([^【】\[\]]{2,14})[】\]\uff3d〗]$")
BRIEF_COLUMNS = (
    "短讯",
    "简讯",
    "一句话新闻",
    "工会简讯",
    "基层简讯",
    "工会短讯",
    "快讯",
    "基层动态",
)
COMMENTARY_WORDS = ("时评", "短评", "评论", "论坛", "社论", "言论", "锐评", "快评")
_PHOTO_PLACEHOLDER = re.compile(r"^[(\uff08【\[]?(?:图片|图|照片|配图|组图)[)\uff09】\]]?$")
TABLE_ROW = "|"
PHOTO_MARK = "[[photo]]"
# Words a news lead opens with: a new story under a headline, not a feature's next section.
_LEAD_OPENING = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|近日|日前|近期|连日来|今年以来|近年来|本月|上周|"
    r"为(?:深入|进一步|切实|扎实|全面|持续)|[(\uff08]?记者)"
)
# A headline broken over two lines: the first line ends mid-phrase.
_MID_PHRASE_END = "的和与及暨在为把让向对从将是了着之同跟给被、—“《"
_BRIEF_MARKS = "▲■●◆□ \u3000"
_BRIEF_LEAD = re.compile(f"^[▲■●◆□]?\\s*([{HAN}]{{2,10}})[:\uff1a]")
_TITLE_BREAKING = re.compile(r"[。]|\.\s")
# Full-width marks as escapes: in an editor they look like their ASCII twins.
_CLAUSE_END = ",\uff0c、;\uff1b:\uff1a。"
_QUESTION_OR_EXCLAMATION = "?!\uff1f\uff01"
_COLUMN_BRACKETS = "【】[]\uff3b\uff3d「」〖〗《》 \u3000"
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Roles of those who wrote the story; a photographer or editor may be one of them as well.
WRITER_ROLES = frozenset({AUTHOR, REPORTER, CORRESPONDENT})


@dataclass
class ParsedStory:
    headline: str
    kicker: str = ""
    subheadline: str = ""
    union_label: str = ""
    genre: str = Article.Genre.NEWS.value
    staff_report: bool = False
    bylines: list = field(default_factory=list)
    body: list = field(default_factory=list)
    column: str = ""
    editors_note: str = ""
    # Place and date of a staff report: "合肥4月13日" from "本报合肥4月13日讯".
    dateline: str = ""
    # An organisation printed in a byline ("(龙亢镇总工会 王丽)"), or a brief's lead words.
    union_hint: str = ""
    # Why the editor should look again (codes of parser.WARNINGS), in the order found.
    warnings: list = field(default_factory=list)
    # Captions of the pictures a Word file held (the pictures themselves are not imported).
    photos: list = field(default_factory=list)

    def warn(self, code):
        if code not in self.warnings:
            self.warnings.append(code)

    @property
    def paragraph_count(self):
        return sum(1 for block in self.body if block.type == PARAGRAPH)

    @property
    def intertitle_count(self):
        return sum(1 for block in self.body if block.type == INTERTITLE)

    @property
    def text(self):
        """Everything printed of the story, for finding the union it names."""
        parts = [self.kicker, self.headline, self.subheadline, self.editors_note]
        return "\n".join(parts + [block.text for block in self.body])

    def add_bylines(self, bylines):
        """Add (name, role) pairs from one more credit of the story ("本报讯(记者 陈雪)" and
        "(本报记者 陈雪 王丽)"): nobody is credited twice for the same writing, a bare name
        takes the role printed elsewhere, and names of one role stay together."""
        for name, role in bylines:
            credited = {
                known_role: i for i, (known, known_role) in enumerate(self.bylines) if known == name
            }
            if role in credited:
                continue
            if role in WRITER_ROLES and credited.keys() & WRITER_ROLES:
                if AUTHOR in credited:
                    self.bylines[credited[AUTHOR]] = (name, role)
                continue
            same_role = [
                i for i, (_known, known_role) in enumerate(self.bylines) if known_role == role
            ]
            position = same_role[-1] + 1 if same_role else len(self.bylines)
            self.bylines.insert(position, (name, role))


@dataclass
class ParsedPage:
    stories: list
    # Lines that belong to no story (text before the first headline, paragraphs after a closed
    # story without a headline of their own): shown to the editor, never dropped silently.
    leftovers: list
    # The page's 责任编辑 read from its masthead, credited as editor on every story.
    editors: list = field(default_factory=list)
    masthead: list = field(default_factory=list)


# What a story's warnings mean, for people (the preview and the command translate them).
DRAFTED_HEADLINE = "drafted_headline"  # a brief's headline drafted from its first clause
PHOTO_PLACEHOLDER = "photo_placeholder"  # "(图片)": a picture was on the page


def parse_page(text):
    return _PageParser(_lines(text)).parse()


def _lines(text):
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip(_STRIPPED)
        if line:
            lines.append(line)
    return lines


def is_union_label(line):
    """A line that only names a union: "宿州市总工会", "铜化集团工会", "龙西社区工会"."""
    if len(line) > UNION_LABEL_MAX_LENGTH or not _UNION_LABEL.match(line):
        return False
    # A headline may end in 工会 too ("把职工之家建在工会"); a union's name says what it is.
    return line.endswith("总工会") or any(marker in line[:-2] for marker in _ORGANISATION_MARKERS)


def subheadline_text(line):
    """The subheadline without its dash, or None when line is none."""
    match = _SUBHEADLINE.match(line)
    if not match or len(match.group(1)) > SUBHEADLINE_MAX_LENGTH or "。" in match.group(1):
        return None
    return match.group(1).strip(_STRIPPED)


def is_dateline(line):
    return _DATELINE.match(line) is not None


def is_title(line):
    """A line that may be a headline or kicker: short, no full stop, not ending a clause."""
    if is_forced_headline(line):
        return True
    return (
        len(line) <= HEADLINE_MAX_LENGTH
        and not is_dateline(line)
        and not is_table_row(line)
        and not _TITLE_BREAKING.search(line)
        and line[-1] not in _CLAUSE_END
        and credit_line(line) is None
        and split_trailing_credit(line)[1] is None
    )


def is_forced_headline(line):
    """A headline the source marked as one (a Word title style, or "# " typed by hand)."""
    return line.startswith(FORCED_HEADLINE) and len(line) > len(FORCED_HEADLINE)


def is_table_row(line):
    return line.startswith(TABLE_ROW)


def marked_intertitle(line):
    """The intertitle of a line marked as one ("## ", "◆", "一、", "(一)"), or None."""
    match = _INTERTITLE_MARKED.match(line)
    if not match or len(line) > MARKED_INTERTITLE_MAX_LENGTH + len(match.group()):
        return None
    if _TITLE_BREAKING.search(line) or line[-1] in _CLAUSE_END:
        return None
    text = _INTERTITLE_MARK_ONLY.sub("", line).strip(_STRIPPED)
    return text or None


def column_tag(line):
    """The column a line names on its own: "【劳动者之声】", "短讯", or None."""
    match = _COLUMN_TAG.match(line)
    if match:
        return match.group(1).strip(_STRIPPED)
    if line in BRIEF_COLUMNS or line in COMMENTARY_WORDS:
        return line
    return None


def is_brief_column(name):
    return any(name.endswith(word) for word in BRIEF_COLUMNS)


def is_commentary_marker(text):
    return any(word in text for word in COMMENTARY_WORDS)


def is_masthead(line):
    """A line of a page's masthead; never a sentence ("…建设第1期,…。")."""
    if "。" in line or _TITLE_BREAKING.search(line):
        return False
    return bool(_MASTHEAD.search(line)) or bool(_MASTHEAD_STAFF.match(line))


def credit_line(line):
    """The Credit of a line that is only a byline or photo credit, or None."""
    match = PARENTHESISED.match(line)
    if match:
        return parse_credit(match.group(1))
    return parse_credit(line, require_role=True)


def _join(text, continuation):
    """Re-join a paragraph split by a column break: no space inside Chinese text or inside a
    number ("最高30" + "00万元"); a space between two Latin words ("WeChat" + "Pay")."""
    if text and _LATIN_LETTER.match(text[-1]) and _LATIN_LETTER.match(continuation[0]):
        return f"{text} {continuation}"
    return text + continuation


def _breaks_mid_phrase(first, second):
    """Whether two title lines are one headline broken over two lines."""
    if first[-1] in _MID_PHRASE_END:
        return True
    for opening, closing in ("“”", "《》", "「」", "(\uff09"):
        if first.count(opening) > first.count(closing):
            return True
    return False


def _first_clause(text):
    return re.split(r"[,\uff0c。;\uff1b!\uff01?\uff1f]", text, maxsplit=1)[0]


def drafted_headline(text):
    """A brief's headline drafted from its first clause, for the editor to rewrite: without
    its lead words ("淮北:") and skipping a short opening of time ("10月26日,")."""
    text = _BRIEF_LEAD.sub("", text).strip(_STRIPPED)
    clauses = [
        clause.strip(_STRIPPED)
        for clause in re.split(r"[,\uff0c。;\uff1b!\uff01?\uff1f]", text)
        if clause.strip(_STRIPPED)
    ]
    if not clauses:
        return text[:HEADLINE_MAX_LENGTH]
    chosen = next((clause for clause in clauses if len(clause) >= BRIEF_CLAUSE_MIN_LENGTH), None)
    return (chosen or clauses[0])[:HEADLINE_MAX_LENGTH]


class _PageParser:
    def __init__(self, lines):
        self.lines = lines
        self.stories = []
        self.leftovers = []
        self.editors = []
        self.masthead = []
        self.head = []  # (kind, value) pairs of the next story's head
        self.story = None  # the story whose body is being read
        self.paragraph_open = False  # its last paragraph did not end a sentence
        self.brief_column = ""  # the column of briefs being read, one story per paragraph
        self.note_open = False  # the editor's note in the head did not end a sentence

    def parse(self):
        for index, line in enumerate(self.lines):
            if self._masthead_line(line):
                continue
            reading_briefs = self.brief_column and self.story is None and not self.head
            if reading_briefs and self._brief_line(index, line):
                continue
            if self.story is not None:
                self._body_line(index, line)
            else:
                self._head_line(line, index)
        self._close_story(at_end=True)
        self._finish_head()
        for story in self.stories:
            story.add_bylines([(name, EDITOR) for name in self.editors])
        return ParsedPage(
            stories=self.stories,
            leftovers=self.leftovers,
            editors=self.editors,
            masthead=self.masthead,
        )

    def _masthead_line(self, line):
        """A masthead line (date, 星期, 第N版, the page's editors) outside any paragraph."""
        if self.paragraph_open or self.note_open or not is_masthead(line):
            return False
        if self.story is not None and self.story.body and not self.story.body[-1].text:
            return False
        if _MASTHEAD_STAFF.match(line) is None and len(line) > 60:
            return False
        if _MASTHEAD_STAFF.match(line) and self.stories and self.story is not None:
            return False  # "责任编辑:王伟" closing a story is its own credit
        self.masthead.append(line)
        for match in _MASTHEAD_EDITORS.finditer(line):
            for name in match.group(1).split("、"):
                if name not in self.editors:
                    self.editors.append(name)
        return True

    # A column of briefs: one story per paragraph.

    def _brief_line(self, index, line):
        """Read line as part of a column of briefs; False when the column has ended."""
        credit = credit_line(line)
        if credit is not None and self.stories:
            self._apply_credit(self.stories[-1], credit)
            return True
        last = self.stories[-1] if self.stories else None
        if self.paragraph_open and last is not None:
            last.body[-1] = Block(PARAGRAPH, _join(last.body[-1].text, line))
            self._after_brief(last)
            return True
        if is_title(line) or column_tag(line) or _EDITORS_NOTE.match(line):
            self.brief_column = ""
            return False
        line = line.lstrip(_BRIEF_MARKS)
        story = ParsedStory(headline="", column=self.brief_column)
        lead = _BRIEF_LEAD.match(line)
        if lead:
            story.union_hint = lead.group(1)
        self.story = story
        self._add_paragraph(line)
        if self.story is story:  # not closed by a trailing byline
            self.story = None
            self.stories.append(story)
            self._after_brief(story)
        story.headline = drafted_headline(story.body[0].text) if story.body else line[:40]
        story.warn(DRAFTED_HEADLINE)
        return True

    def _after_brief(self, story):
        text, credit = split_trailing_credit(story.body[-1].text)
        if credit is not None:
            story.body[-1] = Block(PARAGRAPH, text)
            self._apply_credit(story, credit)
            self.paragraph_open = False
            return
        self.paragraph_open = not ends_sentence(story.body[-1].text)

    # The head: lines between two stories.

    def _head_line(self, line, index=None):
        titles = [value for kind, value in self.head if kind == "title"]
        if self.note_open:
            kind, note = self.head[-1]
            self.head[-1] = (kind, _join(note, line))
            self.note_open = not ends_sentence(line)
            return
        if _EDITORS_NOTE.match(line):
            note = _EDITORS_NOTE.sub("", line).strip(_STRIPPED)
            self.head.append(("note", note))
            self.note_open = bool(note) and not ends_sentence(note)
            return
        if _PHOTO_PLACEHOLDER.match(line):
            self.head.append(("placeholder", line))
            return
        if line.startswith(PHOTO_MARK):
            if not self.head and self.stories:
                self._add_photo(self.stories[-1], line)
            else:
                self.head.append(("photo", line))
            return
        tag = column_tag(line)
        if tag is not None and _COLUMN_TAG.match(line) and titles:
            # A page's name over a column's tag ("评论·观点", "【劳动者之声】"): no story.
            self._flush_head_as_leftovers()
            titles = []
        if tag is not None and not titles:
            if is_brief_column(tag) and index is not None and self._starts_briefs(index):
                self._flush_head_as_leftovers()
                self.brief_column = tag
                return
            self.head.append(("column", tag))
            return
        if is_union_label(line):
            self.head.append(("label", line))
            return
        subheadline = subheadline_text(line)
        if titles and subheadline is not None:
            self.head.append(("subheadline", subheadline))
            return
        credit = credit_line(line)
        if credit is not None:
            if credit.is_photo and len(titles) > 1:
                # A short caption without a full stop looked like a second title.
                self._start_story(caption_last=True)
                self._apply_credit(self.story, credit)
                self._close_story()
            elif titles:
                self.head.append(("credit", credit))
            elif not self.head and self.stories:
                # A credit line right after a closed story belongs to it ("(张三)" + "李四/摄").
                self._apply_credit(self.stories[-1], credit)
            else:
                self.leftovers.append(line)
            return
        if is_forced_headline(line):
            self.head.append(("forced", line[len(FORCED_HEADLINE) :].strip(_STRIPPED)))
            return
        if is_title(line):
            self.head.append(("title", line))
            return
        forced = any(kind == "forced" for kind, _value in self.head)
        if not titles and not forced and self._label_as_headline():
            titles = [value for kind, value in self.head if kind == "title"]
        if not titles and not forced:
            self._flush_head_as_leftovers()
            self.leftovers.append(line)
            return
        self._start_story()
        self._add_paragraph(line)

    def _starts_briefs(self, index):
        """A brief column's name is followed by paragraphs, not by a headline."""
        following = self.lines[index + 1 : index + 2]
        return bool(following) and not is_title(following[0])

    def _flush_head_as_leftovers(self):
        for kind, value in self.head:
            if kind == "photo":
                self.leftovers.append(value[len(PHOTO_MARK) :].strip(_STRIPPED) or value)
            elif kind in {"title", "label", "placeholder", "forced"}:
                self.leftovers.append(value)
            elif kind == "subheadline":
                self.leftovers.append(f"——{value}")
            elif kind == "note":
                self.leftovers.append(f"编者按:{value}")
            elif kind == "column":
                self.leftovers.append(f"【{value}】")
            else:
                self.leftovers.append(" ".join(name for name, _role in value.bylines))
        self.head = []
        self.note_open = False

    def _label_as_headline(self):
        """Body text right under union labels: one of them was the headline ("激活区域工会"),
        most likely one that is not a federation's name. False when the head has no label."""
        labels = [i for i, (kind, _value) in enumerate(self.head) if kind == "label"]
        if not labels:
            return False
        not_federations = [i for i in labels if not self.head[i][1].endswith("总工会")]
        chosen = (not_federations or labels)[-1]
        self.head[chosen] = ("title", self.head[chosen][1])
        return True

    def _start_story(self, *, caption_last=False):
        caption = None
        if caption_last:
            last_title = max(i for i, (kind, _value) in enumerate(self.head) if kind == "title")
            caption = self.head.pop(last_title)[1]
        forced = [i for i, (kind, _value) in enumerate(self.head) if kind == "forced"]
        if forced:
            # Titles before a marked headline are its kicker; after it, its subheadline.
            at = forced[0]
            self.head = [
                ("kicker", value)
                if kind == "title" and i < at
                else ("extra", value)
                if kind in {"title", "forced"} and i > at
                else (kind, value)
                for i, (kind, value) in enumerate(self.head)
            ]
            kicker = " ".join(value for kind, value in self.head if kind == "kicker")
            headline = self.head[at][1]
            extra = [value for kind, value in self.head if kind == "extra"]
        else:
            titles = [value for kind, value in self.head if kind == "title"]
            if len(titles) > 1 and _breaks_mid_phrase(titles[0], titles[1]):
                titles = [titles[0] + titles[1], *titles[2:]]
            elif len(titles) > 2 and _breaks_mid_phrase(titles[1], titles[2]):
                titles = [titles[0], titles[1] + titles[2], *titles[3:]]
            kicker = titles[0] if len(titles) > 1 else ""
            headline = titles[1] if len(titles) > 1 else titles[0]
            extra = titles[2:]
        labels = [value for kind, value in self.head if kind == "label"]
        subheadlines = [value for kind, value in self.head if kind == "subheadline"]
        subheadline = " ".join(subheadlines)
        if extra and not subheadline:
            subheadline = " ".join(extra)
        elif extra:
            headline = " ".join([headline, *extra])
        story = ParsedStory(
            headline=headline,
            kicker=kicker,
            subheadline=subheadline,
            union_label=labels[0] if labels else "",
        )
        self.leftovers.extend(labels[1:])
        for kind, value in self.head:
            if kind == "credit":
                self._apply_credit(story, value)
            elif kind == "note":
                story.editors_note = _join(story.editors_note, value)
            elif kind == "column":
                story.column = value
            elif kind == "placeholder":
                story.warn(PHOTO_PLACEHOLDER)
            elif kind == "photo":
                self._add_photo(story, value)
        self.head = []
        self.note_open = False
        self.story = story
        self.paragraph_open = False
        if caption is not None:
            self.story.body.append(Block(PARAGRAPH, caption))

    def _finish_head(self):
        """Lines left after the last story: its column name, or leftovers."""
        titles = [value for kind, value in self.head if kind in {"title", "column"}]
        if self.stories and len(self.head) == 1 and titles:
            self.stories[-1].column = titles[0].strip(_COLUMN_BRACKETS)
            self.head = []
        else:
            self._flush_head_as_leftovers()

    # The body of the story being read.

    def _body_line(self, index, line):
        credit = credit_line(line)
        # While a paragraph is open, "记者 陈雪" might be its continuation; a credit in
        # parentheses or a photo credit never is.
        if credit is not None and (
            not self.paragraph_open or credit.is_photo or PARENTHESISED.match(line)
        ):
            self._apply_credit(self.story, credit)
            self._close_story()
            return
        if is_forced_headline(line) or is_union_label(line):
            self._close_story()
            self._head_line(line, index)
            return
        if line.startswith(PHOTO_MARK):
            self._add_photo(self.story, line)
            return
        if is_table_row(line) or (line.startswith("##") and marked_intertitle(line)):
            self.paragraph_open = False
            if is_table_row(line):
                self._add_paragraph(line)
            else:
                self.story.body.append(Block(INTERTITLE, marked_intertitle(line)))
            return
        if self.paragraph_open:
            self._continue_paragraph(line)
            return
        if _EDITORS_NOTE.match(line):
            if not self.story.body and not self.story.editors_note:
                self.story.editors_note = _EDITORS_NOTE.sub("", line).strip(_STRIPPED)
                return
            self._close_story()
            self._head_line(line, index)
            return
        if _PHOTO_PLACEHOLDER.match(line):
            self.story.warn(PHOTO_PLACEHOLDER)
            return
        tag = column_tag(line)
        if tag is not None and self._tag_heads_next(index):
            self._close_story()
            self._head_line(line, index)
            return
        intertitle = marked_intertitle(line)
        if intertitle is not None and self.story.body:
            self.story.body.append(Block(INTERTITLE, intertitle))
            return
        if is_title(line):
            if self._starts_story(index):
                self._close_story()
                self._head_line(line, index)
                return
            if self._may_be_intertitle(line):
                self.story.body.append(Block(INTERTITLE, line))
                return
        self._add_paragraph(line)

    def _tag_heads_next(self, index):
        """A column tag between two stories heads the next one; at the page's end it is the
        column of the story before (handled when the page ends)."""
        return index + 1 < len(self.lines)

    def _starts_story(self, index):
        """Whether the title line at index heads a new story, judged by the lines after it."""
        following = self.lines[index + 1 : index + 3]
        if not following:
            return False
        first = following[0]
        if (
            is_union_label(first)
            or subheadline_text(first) is not None
            or is_dateline(first)
            or is_forced_headline(first)
            or _EDITORS_NOTE.match(first)
        ):
            return True
        if credit_line(first) is not None and not PARENTHESISED.match(first):
            return True  # a byline under the headline: "本报记者 陈雪"
        caption_credit = split_trailing_credit(first)[1]
        if caption_credit is not None and caption_credit.is_photo:
            return True  # a photo item: headline, then a caption closed by the credit
        after_titles = self._after_title_run(index)
        if after_titles is not None and (
            is_union_label(after_titles)
            or is_dateline(after_titles)
            or subheadline_text(after_titles) is not None
            or (credit_line(after_titles) is not None and not PARENTHESISED.match(after_titles))
        ):
            return True  # kicker, a headline over two lines, then the story's dateline
        if is_title(first) and len(following) > 1:
            second = following[1]
            if (
                is_union_label(second)
                or is_dateline(second)
                or (subheadline_text(second) is not None)
                or credit_line(second) is not None
            ):
                return True
            # Kicker and headline, or a headline broken over two lines, over body text.
            return (
                not self._looks_like_feature()
                and not is_title(second)
                and marked_intertitle(first) is None
                and len(first) <= KICKER_MAX_LENGTH
                and len(self.lines[index]) <= KICKER_MAX_LENGTH
                # "产业是乡村振兴的重要" + "基础。…": a paragraph cut by a column break.
                and len(_first_clause(second)) >= CONTINUATION_MAX_LENGTH
            )
        if self._looks_like_feature():
            return False
        # A story without a closing byline, then a headline over a news lead.
        return bool(self.story.body) and _LEAD_OPENING.match(first) is not None

    def _after_title_run(self, index):
        """The first line after the title lines that follow index (at most three), or None."""
        end = index + 1
        while end < len(self.lines) and end - index <= 3 and is_title(self.lines[end]):
            end += 1
        if end == index + 1 or end >= len(self.lines):
            return None
        return self.lines[end]

    def _looks_like_feature(self):
        """A story with a subheadline or intertitles already: its short lines are sections."""
        return bool(self.story.subheadline) or self.story.intertitle_count > 0

    def _may_be_intertitle(self, line):
        body = self.story.body
        return (
            len(line) <= INTERTITLE_MAX_LENGTH
            and bool(body)
            and body[-1].type == PARAGRAPH
            and line[-1] not in _QUESTION_OR_EXCLAMATION
        )

    def _add_paragraph(self, line):
        if not self.story.body and not self.story.staff_report and is_dateline(line):
            line = self._read_dateline(line)
            if not line:
                return
        if is_table_row(line):
            cells = [cell.strip(_STRIPPED) for cell in line.strip("|").split("|")]
            self.story.body.append(Block(PARAGRAPH, " | ".join(cells)))
            self.paragraph_open = False
            return
        self.story.body.append(Block(PARAGRAPH, line))
        self._after_paragraph()

    def _continue_paragraph(self, line):
        last = self.story.body.pop()
        self.story.body.append(Block(PARAGRAPH, _join(last.text, line)))
        self._after_paragraph()

    def _after_paragraph(self):
        last = self.story.body[-1]
        text, credit = split_trailing_credit(last.text)
        if credit is not None:
            self.story.body.pop()
            if text:
                self.story.body.append(Block(PARAGRAPH, text))
            self._apply_credit(self.story, credit)
            self._close_story()
            return
        self.paragraph_open = not ends_sentence(last.text)

    def _read_dateline(self, line):
        """Strip the 本报讯 dateline, keeping its place and date ("本报合肥4月13日讯"); names in
        it ("本报讯(记者 陈雪)") become bylines."""
        match = _DATELINE.match(line)
        self.story.staff_report = True
        self.story.dateline = match.group(1)
        if match.group(2):
            credit = parse_credit(match.group(2))
            if credit is None:
                return line[line.index("讯") + 1 :].strip(_STRIPPED)
            self._apply_credit(self.story, credit)
        return line[match.end() :].strip(_STRIPPED)

    def _add_photo(self, story, line):
        """A picture of a Word file, with its caption: the caption's credit names the
        photographer; the caption is kept for the editor, who adds the picture by hand."""
        caption = line[len(PHOTO_MARK) :].strip(_STRIPPED)
        text, credit = split_trailing_credit(caption)
        if credit is not None:
            story.add_bylines([(name, PHOTOGRAPHER) for name, _role in credit.bylines])
        story.photos.append(caption)

    def _apply_credit(self, story, credit: Credit):
        story.add_bylines(credit.bylines)
        if credit.organisation and not story.union_hint:
            story.union_hint = credit.organisation
        if credit.is_photo:
            story.genre = Article.Genre.PHOTO.value
        elif credit.is_commentary and story.genre == Article.Genre.NEWS.value:
            story.genre = Article.Genre.COMMENTARY.value

    def _close_story(self, *, at_end=False):
        story, self.story = self.story, None
        self.paragraph_open = False
        if story is None:
            return
        trailing = []
        while story.body and story.body[-1].type == INTERTITLE:
            trailing.insert(0, story.body.pop().text)
        if at_end and len(trailing) == 1 and not story.column:
            # The page ends with the column's name after a story without a closing byline.
            story.column = trailing.pop().strip(_COLUMN_BRACKETS)
        self.leftovers.extend(trailing)
        if not story.body and story.photos and story.photos[0]:
            # A picture with its caption under a headline: a photo story.
            text, _credit = split_trailing_credit(story.photos[0])
            story.body.append(Block(PARAGRAPH, text))
            story.genre = Article.Genre.PHOTO.value
        if not story.body:
            self.leftovers.append(story.headline)
            return
        is_feature = story.intertitle_count or story.subheadline
        commentary = (
            story.editors_note
            or is_commentary_marker(story.column)
            or is_commentary_marker(story.kicker)
        )
        if story.genre == Article.Genre.NEWS.value and commentary:
            story.genre = Article.Genre.COMMENTARY.value
        elif story.genre == Article.Genre.NEWS.value and is_feature:
            story.genre = Article.Genre.FEATURE.value
        self.stories.append(story)
