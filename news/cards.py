"""Story cards (a story as lists show it), rendered once per version of the story and reused.

A card is the same HTML on a union's list, its parents', a theme's and a column's, and page
after page between publications; rendering it (lead photo, summary, dates, union label) was most
of an uncached list page's CPU. A card is kept under a key made of what it depends on:

- the story's own token (news.cache: renewed with every change that shows on the story's page:
  its text, status, bylines, photos, themes, a photo's renditions becoming ready);
- the site token (a union, theme or column renamed);
- the card templates' own text and the variant (with photo and summary, or brief).

So a card is never invalidated by hand: a change makes a new key, and the old card expires.
A list page then needs only its stories' ids from the database; the stories whose card is not
kept are read in full (with the list's prefetches) and rendered.
"""

import hashlib
from functools import cache as once
from typing import NamedTuple

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString

from news import cache as page_cache
from newsroom.replicas import primary_reads

CARD_TEMPLATE = "news/includes/story_item.html"
# Templates a card includes: their text is part of a card's key.
CARD_TEMPLATES = (CARD_TEMPLATE, "photos/includes/picture.html")
# A card outlives a day of reading without a change; past that it is rendered again.
CARD_SECONDS = 24 * 60 * 60
VARIANTS = {
    "full": {"show_photo": True, "show_summary": True},
    "brief": {},
}


@once
def templates_version():
    """A digest of the card templates' text: a deploy that changes them renders every card anew."""
    digest = hashlib.blake2b(digest_size=6)
    for name in CARD_TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()


def _card_key(variant, site, story_token, pk):
    version = f"{templates_version()}:{page_cache.code_version()}:{translation.get_language()}"
    version = f"{version}:{variant}"
    return f"news:card:{version}:{site}:{story_token}:{pk}"


class CardTokens(NamedTuple):
    """What the cards of some stories are kept under: the site token and each story's token."""

    site: str
    stories: dict  # {story id: its token}


def card_tokens(ids):
    """The site token and these stories' tokens, in one round trip.

    A list that keeps its first page as a fragment keeps these with it (news.selectors): every
    renewal of a story's token renews the stories token too (news.cache), so a fragment that is
    still current holds its stories' current tokens, and its cards need no round trip for them.
    """
    story_keys = {pk: page_cache.story_token_key(pk) for pk in ids}
    found = cache.get_many([page_cache.SITE_KEY, *story_keys.values()])
    site = (found.get(page_cache.SITE_KEY) or {}).get("token", "")
    tokens = page_cache.tokens_found(found, list(story_keys.values()))
    return CardTokens(site, {pk: tokens[key] for pk, key in story_keys.items()})


def story_cards(ids, variant="full", *, full_stories=None, tokens=None):
    """The cards of the stories with these ids, in order, as safe HTML.

    `full_stories(ids)` returns {id: story with what a list shows} for the cards not kept; it
    defaults to the published stories with the list's prefetches. `tokens` (card_tokens) when
    the caller kept them. Two cache round trips (the tokens, unless given, then the cards) and,
    for cards not kept, one query with its prefetches.
    """
    if not ids:
        return []
    if tokens is None or not all(pk in tokens.stories for pk in ids):
        tokens = card_tokens(ids)
    keys = {pk: _card_key(variant, tokens.site, tokens.stories[pk], pk) for pk in ids}
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        if full_stories is None:
            from news.selectors import listed_stories

            full_stories = listed_stories
        template = get_template(CARD_TEMPLATE)
        with primary_reads():  # kept under the story's token: never from a lagging replica
            rendered = {
                keys[pk]: template.render({"story": story, **VARIANTS[variant]})
                for pk, story in full_stories(missing).items()
            }
        cache.set_many(rendered, timeout=CARD_SECONDS)
        found.update(rendered)
    # The cards are our own template's output, every story field escaped in it.
    return [SafeString(found[keys[pk]]) for pk in ids if keys[pk] in found]
