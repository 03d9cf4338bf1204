"""The fingerprint of a story's copy: the same copy gives the same fingerprint.

It is taken after punctuation normalisation and without any whitespace, so copy imported once
with and once without normalisation, or re-wrapped, is still recognised.
"""

import hashlib
import re

from importer.punctuation import normalise

_WHITESPACE = re.compile(r"\s+")


def story_fingerprint(story):
    parts = [story.headline] + [block.text for block in story.body]
    canonical = _WHITESPACE.sub("", normalise("\n".join(parts)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
