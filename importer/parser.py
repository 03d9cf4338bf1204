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
from articles.models import STAFF_REPORT_DATELINE, Article
from importer.credits import (
    AUTHOR,
    CORRESPONDENT,
    HAN,
    PARENTHESISED,
    REPORTER,
    Credit,
    ends_sentence,
    parse_credit,
    split_trailing_credit,
)

HEADLINE_MAX_LENGTH = 40
SUBHEADLINE_MAX_LENGTH = 80
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
_DATELINE = re.compile(r"^本报讯\s*(?:[(\uff08]([^()\uff08\uff09]{0,60})[)\uff09])?[\s:\uff1a]*")
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

    @property
    def paragraph_count(self):
        return sum(1 for block in self.body if block.type == PARAGRAPH)

    @property
    def intertitle_count(self):
        return sum(1 for block in self.body if block.type == INTERTITLE)

    @property
    def text(self):
        """Everything printed of the story, for finding the union it names."""
        parts = [self.kicker, self.headline, self.subheadline]
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
    return line.startswith(STAFF_REPORT_DATELINE)


def is_title(line):
    """A line that may be a headline or kicker: short, no full stop, not ending a clause."""
    return (
        len(line) <= HEADLINE_MAX_LENGTH
        and not is_dateline(line)
        and not _TITLE_BREAKING.search(line)
        and line[-1] not in _CLAUSE_END
        and credit_line(line) is None
        and split_trailing_credit(line)[1] is None
    )


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


class _PageParser:
    def __init__(self, lines):
        self.lines = lines
        self.stories = []
        self.leftovers = []
        self.head = []  # (kind, value) pairs of the next story's head
        self.story = None  # the story whose body is being read
        self.paragraph_open = False  # its last paragraph did not end a sentence

    def parse(self):
        for index, line in enumerate(self.lines):
            if self.story is not None:
                self._body_line(index, line)
            else:
                self._head_line(line)
        self._close_story(at_end=True)
        self._finish_head()
        return ParsedPage(stories=self.stories, leftovers=self.leftovers)

    # The head: lines between two stories.

    def _head_line(self, line):
        titles = [value for kind, value in self.head if kind == "title"]
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
        if is_title(line):
            self.head.append(("title", line))
            return
        if not titles and self._label_as_headline():
            titles = [value for kind, value in self.head if kind == "title"]
        if not titles:
            self.leftovers.extend(value for kind, value in self.head if kind == "label")
            self.head = []
            self.leftovers.append(line)
            return
        self._start_story()
        self._add_paragraph(line)

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
        titles = [value for kind, value in self.head if kind == "title"]
        labels = [value for kind, value in self.head if kind == "label"]
        subheadlines = [value for kind, value in self.head if kind == "subheadline"]
        kicker = titles[0] if len(titles) > 1 else ""
        headline = titles[1] if len(titles) > 1 else titles[0]
        extra = titles[2:]
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
        self.head = []
        self.story = story
        self.paragraph_open = False
        if caption is not None:
            self.story.body.append(Block(PARAGRAPH, caption))

    def _finish_head(self):
        """Lines left after the last story: its column name, or leftovers."""
        titles = [value for kind, value in self.head if kind == "title"]
        if self.stories and len(self.head) == 1 and titles:
            self.stories[-1].column = titles[0].strip(_COLUMN_BRACKETS)
        else:
            for kind, value in self.head:
                if kind in {"title", "label"}:
                    self.leftovers.append(value)
                elif kind == "subheadline":
                    self.leftovers.append(f"——{value}")
                else:
                    self.leftovers.append(" ".join(name for name, _role in value.bylines))
        self.head = []

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
        if is_union_label(line):
            self._close_story()
            self._head_line(line)
            return
        if self.paragraph_open:
            self._continue_paragraph(line)
            return
        if is_title(line):
            if self._starts_story(index):
                self._close_story()
                self._head_line(line)
                return
            if self._may_be_intertitle(line):
                self.story.body.append(Block(INTERTITLE, line))
                return
        self._add_paragraph(line)

    def _starts_story(self, index):
        """Whether the title line at index heads a new story, judged by the lines after it."""
        following = self.lines[index + 1 : index + 3]
        if not following:
            return False
        first = following[0]
        if is_union_label(first) or subheadline_text(first) is not None or is_dateline(first):
            return True
        if credit_line(first) is not None and not PARENTHESISED.match(first):
            return True  # a byline under the headline: "本报记者 陈雪"
        caption_credit = split_trailing_credit(first)[1]
        if caption_credit is not None and caption_credit.is_photo:
            return True  # a photo item: headline, then a caption closed by the credit
        if is_title(first) and len(following) > 1:
            second = following[1]
            return (
                is_union_label(second)
                or is_dateline(second)
                or (subheadline_text(second) is not None)
            )
        return False

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
        """Strip the 本报讯 dateline; names in it ("本报讯(记者 陈雪)") become bylines."""
        match = _DATELINE.match(line)
        self.story.staff_report = True
        if match.group(1):
            credit = parse_credit(match.group(1))
            if credit is None:
                return line[len(STAFF_REPORT_DATELINE) :].strip(_STRIPPED)
            self._apply_credit(self.story, credit)
        return line[match.end() :].strip(_STRIPPED)

    def _apply_credit(self, story, credit: Credit):
        story.add_bylines(credit.bylines)
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
        if not story.body:
            self.leftovers.append(story.headline)
            return
        is_feature = story.intertitle_count or story.subheadline
        if story.genre == Article.Genre.NEWS.value and is_feature:
            story.genre = Article.Genre.FEATURE.value
        self.stories.append(story)
