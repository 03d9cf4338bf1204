"""The story body format editors type in a textarea, and its safe rendering.

Paragraphs are separated by a blank line; a line starting with "## " is an intertitle (小标题).
Lines inside one paragraph are joined. Nothing the editor types is ever rendered as HTML.
"""

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe

INTERTITLE_MARK = "## "
PARAGRAPH = "paragraph"
INTERTITLE = "intertitle"

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(frozen=True)
class Block:
    type: str
    text: str


def _join_lines(lines):
    """Join the lines of one paragraph: no space between Chinese text, one between Latin words."""
    text = ""
    for line in lines:
        if text and not (_CJK.match(text[-1]) or _CJK.match(line[0])):
            text += " "
        text += line
    return text


def parse(body):
    """Split a body into paragraph and intertitle blocks, in order."""
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for chunk in _BLANK_LINE.split(body):
        paragraph_lines = []
        for raw_line in chunk.split("\n"):
            line = raw_line.strip(" \t\u3000")
            if not line:
                continue
            if line.startswith("##"):
                if paragraph_lines:
                    blocks.append(Block(PARAGRAPH, _join_lines(paragraph_lines)))
                    paragraph_lines = []
                title = line[2:].strip()
                if title:
                    blocks.append(Block(INTERTITLE, title))
            else:
                paragraph_lines.append(line)
        if paragraph_lines:
            blocks.append(Block(PARAGRAPH, _join_lines(paragraph_lines)))
    return blocks


def serialize(blocks):
    """The body text for a list of blocks (the inverse of parse)."""
    return "\n\n".join(
        f"{INTERTITLE_MARK}{block.text}" if block.type == INTERTITLE else block.text
        for block in blocks
    )


def first_paragraph(body):
    return next((block.text for block in parse(body) if block.type == PARAGRAPH), "")


def render_html(body, *, dateline=""):
    """The body as HTML, every character of the text escaped; dateline opens the first paragraph."""
    parts = []
    for block in parse(body):
        if block.type == INTERTITLE:
            parts.append(format_html('<h2 class="intertitle">{}</h2>', block.text))
        elif dateline:
            parts.append(
                format_html('<p><span class="dateline">{}</span> {}</p>', dateline, block.text)
            )
            dateline = ""
        else:
            parts.append(format_html("<p>{}</p>", block.text))
    return mark_safe("\n".join(parts))


def split_staff_dateline(body, dateline):
    """The body without a 本报讯 typed at its start, and whether there was one.

    The dateline is the story's is_staff_report flag: typed into the body as well, it would
    print twice.
    """
    text = body or ""
    stripped = text.lstrip(" \t\r\n\u3000")
    if not stripped.startswith(dateline):
        return text, False
    return stripped[len(dateline) :].lstrip(" \t\u3000:\uff1a,\uff0c"), True


# 字数 the way Chinese editors (and Word's 字数统计) count it: every Chinese character and
# punctuation mark is one; a run of Latin letters or digits (a word, a number) is one;
# spaces count nothing.
_COUNTED_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'\-]*|\S")


def character_count(text):
    return len(_COUNTED_UNIT.findall(text or ""))


def body_character_count(body):
    return sum(character_count(block.text) for block in parse(body))
