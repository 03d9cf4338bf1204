"""Pinyin slugs for union names: ASCII, readable, unique."""

from django.utils.text import slugify

MAX_SLUG_LENGTH = 80


def pinyin_slug(text):
    """'蚌埠市总工会' -> 'beng-bu-shi-zong-gong-hui': ASCII, one hyphen between syllables."""
    # lazy_pinyin reads words in context (蚌埠 beng bu, 六安 lu an) and passes Latin
    # letters and digits through unchanged.
    # pypinyin's dictionaries take about 55 MB once imported: they are read when a union is
    # named, never by the web workers serving pages.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False)
    return slugify("-".join(syllables))[:MAX_SLUG_LENGTH].strip("-")


def unique_slug(base, taken):
    """The first of base, base-2, base-3 … for which taken(candidate) is false."""
    base = base or "union"
    candidate, suffix = base, 2
    while taken(candidate):
        tail = f"-{suffix}"
        candidate = f"{base[: MAX_SLUG_LENGTH - len(tail)]}{tail}"
        suffix += 1
    return candidate
