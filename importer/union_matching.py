"""Which union reports a story: its label, or else the first union its text names.

Labels and names are matched against the Union table by full name or short name; a union
the table does not hold is reported as unknown and never created.
"""

import re
from dataclasses import dataclass

from unions.models import Union

MATCHED = "matched"
UNKNOWN = "unknown"  # a label naming a union the table does not hold
NOT_NAMED = "not_named"  # no label, and the text names no union we know
# The shortest full name worth finding inside a longer label or text ("泗县总工会").
MIN_NAME_LENGTH = 4
LABEL_SUFFIXES = ("市总工会", "县总工会", "区总工会", "总工会", "工会")


@dataclass(frozen=True)
class UnionMatch:
    union: Union | None
    status: str
    printed_name: str = ""  # the label as printed, or the name found in the text


class UnionMatcher:
    """Matches labels and texts against every union, read in one query."""

    def __init__(self, unions=None):
        unions = list(Union.objects.all() if unions is None else unions)
        self.by_name = {union.name: union for union in unions}
        self.by_short_name = {}
        for union in sorted(unions, key=lambda union: union.path):
            # A short name shared by several unions means the one highest in the tree.
            if union.short_name:
                self.by_short_name.setdefault(union.short_name, union)
        names = sorted(
            (name for name in self.by_name if len(name) >= MIN_NAME_LENGTH), key=len, reverse=True
        )
        self.name_pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def match(self, *, label, text, hint=""):
        """By the label printed with the story; else by a hint (the organisation in a byline,
        a brief's lead words) when it names a union we know; else by the first union the
        text names. An unknown label or hint is reported with its name, never created."""
        if label:
            union = self.match_label(label)
            return UnionMatch(union, MATCHED if union else UNKNOWN, label)
        if hint:
            union = self.match_label(hint)
            if union is not None:
                return UnionMatch(union, MATCHED, hint)
        if self.name_pattern:
            found = self.name_pattern.search(text)
            if found:
                return UnionMatch(self.by_name[found.group()], MATCHED, found.group())
        if hint and hint.endswith("工会"):
            return UnionMatch(None, UNKNOWN, hint)
        return UnionMatch(None, NOT_NAMED)

    def match_label(self, label):
        label = label.strip()
        union = self.by_name.get(label) or self.by_short_name.get(label)
        if union:
            return union
        # "宿州总工会" for the union whose short name is 宿州.
        for suffix in LABEL_SUFFIXES:
            if label.endswith(suffix) and label[: -len(suffix)] in self.by_short_name:
                return self.by_short_name[label[: -len(suffix)]]
        # "黄山市黄山区龙西社区工会" printed for the union we call "龙西社区工会": the longest
        # known name the label ends with.
        for start in range(1, len(label) - MIN_NAME_LENGTH + 1):
            union = self.by_name.get(label[start:])
            if union:
                return union
        return None
