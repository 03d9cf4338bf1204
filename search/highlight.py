"""Marking the words a reader searched for, safely: the text is escaped, then the marks added."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles import body as body_format

SNIPPET_LENGTH = 120
# How much text a snippet may show before the first hit; it starts at a sentence when it can.
SNIPPET_LEAD_IN = 30
ELLIPSIS = "…"
SENTENCE_END = re.compile(r"[。！？；!?;]\s*")


def words_pattern(words):
    """A regular expression finding any of the words, longest first, ignoring case."""
    words = sorted({word for word in words if word}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


def highlight(text, pattern):
    """The text as HTML, every character escaped, each hit wrapped in <mark>.

    Hits that touch (the words of a phrase) share one mark.
    """
    if pattern is None:
        return escape(text)
    spans = []
    for hit in pattern.finditer(text):
        if spans and spans[-1][1] == hit.start():
            spans[-1] = (spans[-1][0], hit.end())
        else:
            spans.append((hit.start(), hit.end()))
    parts = []
    position = 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def snippet(article, pattern):
    """A stretch of the story's text around the first hit in its body, highlighted.

    A story that matched only in its headline, themes or bylines shows its opening instead.
    """
    text = " ".join(block.text for block in body_format.parse(article.body))
    hit = pattern.search(text) if pattern else None
    if hit is None:
        text = article.lead_text
        start = 0
    else:
        start = max(0, hit.start() - SNIPPET_LEAD_IN)
        sentence_ends = list(SENTENCE_END.finditer(text, start, hit.start()))
        if sentence_ends:
            start = sentence_ends[-1].end()
    end = start + SNIPPET_LENGTH
    excerpt = text[start:end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return format_html("{}{}{}", prefix, highlight(excerpt, pattern), suffix)
