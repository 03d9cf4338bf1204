"""How typed themes become tags, wherever they are typed (the admin, the importer, the shell).

Chinese editors separate themes with 、，； as readily as with commas or spaces: "劳模，职工之家"
is two themes, never one. taggit calls these two functions for every tag string (settings
TAGGIT_TAGS_FROM_STRING and TAGGIT_STRING_FROM_TAGS), so no form or import has its own rule.
"""

import re

THEME_SEPARATORS = re.compile(r"[,\uff0c\u3001;\uff1b\s\u3000]+")
# What the desk shows between themes in the form: the ideographic comma of a Chinese list.
THEME_JOINER = "、"


def split_themes(text):
    """The themes in a typed string, each once, in typed order, without quotes around them."""
    themes = []
    seen = set()
    for piece in THEME_SEPARATORS.split(text or ""):
        name = piece.strip("\"'“”‘’「」")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            themes.append(name)
    return themes


def parse_themes(text):
    """taggit's TAGGIT_TAGS_FROM_STRING: the theme names in a string, sorted as taggit expects."""
    return sorted(split_themes(text))


def themes_to_string(tags):
    """taggit's TAGGIT_STRING_FROM_TAGS: the form's text for a story's themes."""
    return THEME_JOINER.join(sorted(tag.name for tag in tags))
