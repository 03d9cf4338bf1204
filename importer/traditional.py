"""Traditional Chinese copy read as Simplified, with OpenCC (the `opencc` package).

Copy from Hong Kong, Macao and Taiwan partners, and old Big5 files, is in Traditional
characters: 本報訊, 記者 and 攝 are not the words the parser reads, and the desk publishes in
Simplified. OpenCC's t2s table converts characters (and the 「」 quotes are made “”, as GB/T
15834 wants); the editor may keep the original instead.
"""

import re
from functools import cache

import opencc

from importer.punctuation import IDEOGRAPHS

_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# Share of ideographs that OpenCC changes above which a text is Traditional. Simplified text
# changes not at all; Traditional news copy changes a quarter to a third of its characters.
TRADITIONAL_SHARE = 0.05
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


@cache
def _converter():
    return opencc.OpenCC("t2s")


@cache
def _to_traditional():
    return opencc.OpenCC("s2t")


def to_traditional(text):
    return _to_traditional().convert(text)


def to_simplified(text):
    return _converter().convert(text).translate(_QUOTES)


def is_traditional(text):
    """Whether text is written in Traditional characters."""
    ideographs = _IDEOGRAPH.findall(text)
    if not ideographs:
        return False
    sample = "".join(ideographs[:5000])
    changed = sum(1 for a, b in zip(sample, _converter().convert(sample), strict=False) if a != b)
    return changed / len(sample) >= TRADITIONAL_SHARE
