"""Bylines written the Chinese newspaper way.

"(本报记者 陈雪 通讯员 王志刚)" closes the story, "姚佳佳/摄" credits a photographer and
"责任编辑:某某" names the editor. These are the paper's print conventions, not interface text,
so they do not change with the interface language.
"""

from itertools import groupby

ROLE_PREFIX = {
    "author": "",
    "reporter": "本报记者",
    "correspondent": "通讯员",
}


def closing_credit(bylines):
    """'(本报记者 陈雪 通讯员 王志刚)' for the writers among bylines, or '' when there are none."""
    writers = [byline for byline in bylines if byline.role in ROLE_PREFIX]
    if not writers:
        return ""
    parts = []
    for role, group in groupby(writers, key=lambda byline: byline.role):
        prefix = ROLE_PREFIX[role]
        parts.extend([prefix] if prefix else [])
        parts.extend(byline.name for byline in group)
    return "(" + " ".join(parts) + ")"


def photo_credit(bylines):
    """'姚佳佳/摄' (several photographers share one credit: '姚佳佳 王志刚/摄')."""
    names = [byline.name for byline in bylines if byline.role == "photographer"]
    return " ".join(names) + "/摄" if names else ""


def editor_credit(bylines):
    names = [byline.name for byline in bylines if byline.role == "editor"]
    return "责任编辑:" + " ".join(names) if names else ""
