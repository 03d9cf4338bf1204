"""The automatic checks (三校's machine pass): each finding has a code, a severity and the exact
place in the text (field, start, end), so the change page and the sign-off form highlight it.

Blocking findings stop the sign-off until the copy is fixed or someone with the permission
overrides the check with a reason; advisory findings are shown and never stop anything.
The typo, 规范表述 and sensitive-word lists are the desk's own, edited in the admin.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.body import body_character_count

BLOCKING = "blocking"
ADVISORY = "advisory"

# A Chinese character (CJK ideographs and compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Half-width marks that Chinese text writes full-width (GB/T 15834): , ; : ? ! ( )
_HALF_WIDTH = re.compile(rf"(?<=[{HAN}])[,;:?!()]|[,;:?!()](?=[{HAN}])")
_PAIRS = [("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("【", "】"), ("(", ")")]
_HEADLINE_END = re.compile(r"[。，、；：,.;:]$")
HEADLINE_MAX = 30
# 字数 a genre usually runs to (minimum, maximum).
LENGTH_RANGES = {
    "news": (100, 1500),
    "feature": (800, 6000),
    "photo": (20, 400),
    "commentary": (400, 2500),
}
STAFF_REPORT = "本报讯"

# What each check is called on the desk; the code stays in the data (forms, overrides, tests).
CHECK_NAMES = {
    "half_width_punctuation": _("Half-width punctuation"),
    "unpaired_mark": _("Unpaired quotes or brackets"),
    "typo": _("Typo"),
    "standard_term": _("Standard wording"),
    "sensitive_word": _("Sensitive word"),
    "duplicated_dateline": _("本报讯 twice"),
    "headline_length": _("Headline length"),
    "headline_punctuation": _("Headline punctuation"),
    "length": _("Length for the genre"),
    "photo_missing": _("Photo story without a photo"),
    "photo_credit": _("Photo without a credit"),
    "photo_alt_text": _("Photo without a description"),
}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    field: str = "body"  # the story's field, or "photos"
    start: int = 0
    end: int = 0
    excerpt: str = ""

    @property
    def is_blocking(self):
        return self.severity == BLOCKING

    @property
    def name(self):
        return CHECK_NAMES.get(self.code, self.code)


def _excerpt(text, start, end, margin=8):
    return text[max(0, start - margin) : end + margin]


def half_width_punctuation(article, lists):
    text = article.body
    return [
        Finding(
            "half_width_punctuation",
            ADVISORY,
            gettext("Half-width “%(mark)s” in Chinese text: write it full-width.")
            % {"mark": match.group()},
            "body",
            match.start(),
            match.end(),
            _excerpt(text, match.start(), match.end()),
        )
        for match in _HALF_WIDTH.finditer(text)
    ]


def unpaired_marks(article, lists):
    findings = []
    for field in ("headline", "body"):
        text = getattr(article, field)
        for opening, closing in _PAIRS:
            stack = []
            for index, char in enumerate(text):
                if char == opening:
                    stack.append(index)
                elif char == closing:
                    if stack:
                        stack.pop()
                    else:
                        stack.append(index)
            findings.extend(
                Finding(
                    "unpaired_mark",
                    ADVISORY,
                    gettext("“%(mark)s” has no partner: %(opening)s…%(closing)s come in pairs.")
                    % {"mark": text[index], "opening": opening, "closing": closing},
                    field,
                    index,
                    index + 1,
                    _excerpt(text, index, index + 1),
                )
                for index in stack
            )
    return findings


def _find_all(text, word):
    start = text.find(word)
    while word and start != -1:
        yield start
        start = text.find(word, start + len(word))


def typos(article, lists):
    findings = []
    for field in ("headline", "subheadline", "body"):
        text = getattr(article, field)
        for wrong, right in lists.typos:
            findings.extend(
                Finding(
                    "typo",
                    ADVISORY,
                    gettext("“%(wrong)s”: did you mean “%(right)s”?")
                    % {"wrong": wrong, "right": right},
                    field,
                    start,
                    start + len(wrong),
                    _excerpt(text, start, start + len(wrong)),
                )
                for start in _find_all(text, wrong)
            )
    return findings


def standard_terms(article, lists):
    """规范表述: the desk's list of wrong forms and right ones; the first mention in the body
    (after the headline) must use the right, full form."""
    findings = []
    text = article.body
    for wrong, right in lists.terms:
        for start in _find_all(text, wrong):
            full_before = text.find(right)
            if right and full_before != -1 and full_before < start:
                continue  # after the full form's first mention, the short form is fine
            if right.startswith(wrong) and text.startswith(right, start):
                continue
            findings.append(
                Finding(
                    "standard_term",
                    ADVISORY,
                    gettext("Write “%(right)s” (规范表述), not “%(wrong)s”, at its first mention.")
                    % {"wrong": wrong, "right": right},
                    "body",
                    start,
                    start + len(wrong),
                    _excerpt(text, start, start + len(wrong)),
                )
            )
            break
    return findings


def sensitive_words(article, lists):
    findings = []
    for field in ("kicker", "headline", "subheadline", "body", "summary"):
        text = getattr(article, field)
        for word in lists.sensitive:
            findings.extend(
                Finding(
                    "sensitive_word",
                    BLOCKING,
                    gettext("“%(word)s” is on the desk's sensitive-words list.") % {"word": word},
                    field,
                    start,
                    start + len(word),
                    _excerpt(text, start, start + len(word)),
                )
                for start in _find_all(text, word)
            )
    return findings


def duplicated_dateline(article, lists):
    text = article.body
    starts = list(_find_all(text, STAFF_REPORT))
    # With the staff-report flag the dateline is printed for it: typed too, it appears twice.
    wrong = starts if article.is_staff_report else starts[1:]
    return [
        Finding(
            "duplicated_dateline",
            ADVISORY,
            gettext("“本报讯” would be printed twice: the staff-report flag already prints it.")
            if article.is_staff_report
            else gettext("“本报讯” appears more than once."),
            "body",
            start,
            start + len(STAFF_REPORT),
            _excerpt(text, start, start + len(STAFF_REPORT)),
        )
        for start in wrong
    ]


def headline_shape(article, lists):
    headline = article.headline
    findings = []
    if len(headline) > HEADLINE_MAX:
        findings.append(
            Finding(
                "headline_length",
                ADVISORY,
                gettext("The headline has %(count)s characters; keep it to %(max)s.")
                % {"count": len(headline), "max": HEADLINE_MAX},
                "headline",
                HEADLINE_MAX,
                len(headline),
                headline,
            )
        )
    match = _HEADLINE_END.search(headline)
    if match:
        findings.append(
            Finding(
                "headline_punctuation",
                ADVISORY,
                gettext("A headline does not end with “%(mark)s”.") % {"mark": match.group()},
                "headline",
                match.start(),
                match.end(),
                headline,
            )
        )
    return findings


def length_for_genre(article, lists):
    low, high = LENGTH_RANGES.get(article.genre, (0, 10**9))
    count = body_character_count(article.body)
    if low <= count <= high:
        return []
    return [
        Finding(
            "length",
            ADVISORY,
            gettext("%(count)s characters: a %(genre)s usually runs %(low)s–%(high)s.")
            % {"count": count, "genre": article.get_genre_display(), "low": low, "high": high},
            "body",
            0,
            0,
        )
    ]


def photos(article, lists):
    findings = []
    story_photos = list(article.photos.all()) if article.pk else []
    if article.genre == "photo" and not story_photos:
        findings.append(
            Finding(
                "photo_missing",
                BLOCKING,
                gettext("A photo story without a photo."),
                "photos",
            )
        )
    for position, photo in enumerate(story_photos, start=1):
        if not photo.credit.strip():
            findings.append(
                Finding(
                    "photo_credit",
                    ADVISORY,
                    gettext("Photo %(n)s has no credit (摄影署名).") % {"n": position},
                    "photos",
                    excerpt=photo.caption[:30],
                )
            )
        if not photo.alt_text.strip():
            findings.append(
                Finding(
                    "photo_alt_text",
                    ADVISORY,
                    gettext("Photo %(n)s has no text for readers who cannot see it.")
                    % {"n": position},
                    "photos",
                    excerpt=photo.caption[:30],
                )
            )
    return findings


CHECKS = [
    half_width_punctuation,
    unpaired_marks,
    typos,
    standard_terms,
    sensitive_words,
    duplicated_dateline,
    headline_shape,
    length_for_genre,
    photos,
]


def run_checks(article, lists):
    """Every finding on the story, in the order of the checks, then of the text."""
    return [finding for check in CHECKS for finding in check(article, lists)]
