"""How well the importer reads pages whose stories someone wrote down by hand.

Each page (.txt or .docx) has a sibling `<page>.expected.json`: {"stories": [...],
"leftover": [...]}, each story with the fields of SCORED_FIELDS and an "opening" (the first
words of its first paragraph) by which it is found among the stories the importer reads.
Nothing is written: the pages are read as a dry run against the unions in the database.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from importer import services
from importer.punctuation import normalise
from importer.sources import ACCEPTED_EXTENSIONS, read_source

SCORED_FIELDS = [
    "headline",
    "kicker",
    "subheadline",
    "union",
    "genre",
    "staff_report",
    "dateline",
    "bylines",
    "paragraphs",
    "intertitles",
    "column",
    "editors_note",
]
EXPECTED_SUFFIX = ".expected.json"
_WHITESPACE = re.compile(r"\s+")


@dataclass
class PageScore:
    name: str
    expected: int = 0
    found: int = 0
    extra: int = 0  # stories read that the expected list does not hold
    right: dict = field(default_factory=lambda: dict.fromkeys(SCORED_FIELDS, 0))
    wrong: list = field(default_factory=list)  # (headline, field, expected, got)

    def share(self, name):
        return self.right[name] / self.expected if self.expected else 1.0

    @property
    def found_share(self):
        return self.found / self.expected if self.expected else 1.0

    @property
    def fields_share(self):
        total = self.expected * len(SCORED_FIELDS)
        return sum(self.right.values()) / total if total else 1.0


def pages_in(paths):
    """(page, expected JSON) pairs: every page with an expected file under a folder given, or
    the files given themselves."""
    pairs = []
    for path in map(Path, paths):
        candidates = sorted(path.iterdir()) if path.is_dir() else [path]
        for page in candidates:
            if page.suffix.lower() not in ACCEPTED_EXTENSIONS:
                continue
            expected = page.with_name(page.name + EXPECTED_SUFFIX)
            if expected.exists() or not path.is_dir():
                pairs.append((page, expected))
    return pairs


def score_page(page, expected_path):
    expected = json.loads(Path(expected_path).read_text(encoding="utf-8"))
    report = services.import_copy(
        files=[read_source(page.name, page.read_bytes())], user=None, dry_run=True
    )
    got = report.as_json()["stories"]
    score = PageScore(name=page.name, expected=len(expected["stories"]))
    unmatched = list(range(len(got)))
    for wanted in expected["stories"]:
        index = _find(wanted, got, unmatched)
        if index is None:
            score.wrong.append((wanted["headline"], "found", True, False))
            continue
        unmatched.remove(index)
        score.found += 1
        for name in SCORED_FIELDS:
            expected_value, got_value = _value(wanted, name), _value(got[index], name)
            if expected_value == got_value:
                score.right[name] += 1
            else:
                score.wrong.append((wanted["headline"], name, expected_value, got_value))
    score.extra = len(unmatched)
    return score


def _comparable(text):
    return _WHITESPACE.sub("", normalise(text or ""))


def _find(wanted, got, unmatched):
    opening = _comparable(wanted.get("opening", ""))
    for index in unmatched:
        paragraphs = [block["text"] for block in got[index]["body"] if block["type"] == "paragraph"]
        if opening and paragraphs and _comparable(paragraphs[0]).startswith(opening):
            return index
    for index in unmatched:
        if _comparable(got[index]["headline"]) == _comparable(wanted["headline"]):
            return index
    return None


def _value(story, name):
    """A field as compared: texts without spacing and with punctuation normalised; bylines as
    (name, role) pairs; the body as its count of paragraphs and its list of intertitles."""
    if name == "paragraphs":
        if "body" in story:
            return sum(1 for block in story["body"] if block["type"] == "paragraph")
        return story["paragraphs"]
    if name == "intertitles":
        if "body" in story:
            titles = [block["text"] for block in story["body"] if block["type"] == "intertitle"]
        else:
            titles = story.get("intertitles", [])
        return [_comparable(title) for title in titles]
    if name == "bylines":
        return sorted((byline["name"], byline["role"]) for byline in story.get("bylines", []))
    value = story.get(name, False if name == "staff_report" else "")
    return value if isinstance(value, bool) else _comparable(value)


def total(scores):
    """The corpus as one PageScore."""
    whole = PageScore(name="")
    for score in scores:
        whole.expected += score.expected
        whole.found += score.found
        whole.extra += score.extra
        for name in SCORED_FIELDS:
            whole.right[name] += score.right[name]
    return whole
