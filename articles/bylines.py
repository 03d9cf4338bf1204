"""Bylines written the Chinese newspaper way.

The writers' credit closes the story in full-width parentheses: (本报记者 陈雪 通讯员 王志刚);
"姚佳佳/摄" credits a photographer; 责任编辑 names the editor. These are the paper's print
conventions, not interface text, so they do not change with the interface language.
Full-width marks are written as escapes so that no tool turns them into ASCII.
"""

from itertools import groupby

ROLE_PREFIX = {
    "author": "",
    "reporter": "本报记者",
    "correspondent": "通讯员",
}


def closing_credit(bylines):
    """The parenthesised credit of the writers among bylines, or '' when there are none."""
    writers = [byline for byline in bylines if byline.role in ROLE_PREFIX]
    if not writers:
        return ""
    parts = []
    for role, group in groupby(writers, key=lambda byline: byline.role):
        prefix = ROLE_PREFIX[role]
        parts.extend([prefix] if prefix else [])
        parts.extend(byline.name for byline in group)
    return "\uff08" + " ".join(parts) + "\uff09"


def photo_credit(bylines):
    """'姚佳佳/摄' (several photographers share one credit: '姚佳佳 王志刚/摄')."""
    names = [byline.name for byline in bylines if byline.role == "photographer"]
    return " ".join(names) + "/摄" if names else ""


def editor_credit(bylines):
    names = [byline.name for byline in bylines if byline.role == "editor"]
    return "责任编辑\uff1a" + " ".join(names) if names else ""
