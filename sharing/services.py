"""Making a story's share card (the background task calls this)."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article
from sharing.cards import CardText, draw_card
from sharing.models import ShareCard

logger = logging.getLogger(__name__)


def card_text(article):
    return CardText(
        headline=article.headline,
        kicker=article.kicker,
        union_name=article.union.name,
        site_name=_("Union news"),
        site_host=urlsplit(settings.SITE_URL).netloc,
    )


@transaction.atomic
def make_share_card(*, article_id):
    """Draw the story's card unless the one stored already shows its headline and union.

    Returns the ShareCard, or None when the story is gone. The old picture is deleted once the
    new one is committed; its name is never reused, so caches never show a stale card.
    """
    article = (
        Article.objects.select_for_update(of=("self",))
        .select_related("union")
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        return None
    card = ShareCard.objects.filter(article=article).first()
    text = card_text(article)
    if card and (card.headline, card.union_name) == (text.headline, text.union_name):
        return card
    old_name = card.image.name if card else ""
    card = card or ShareCard(article=article)
    card.headline, card.union_name = text.headline, text.union_name
    card.image.save("card.jpg", ContentFile(draw_card(text)), save=False)
    card.save()
    if old_name:
        storage = card.image.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return card
