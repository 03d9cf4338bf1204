"""Reads for pages that show a story's share card."""

from sharing.models import ShareCard


def share_card(article):
    """The story's share card, or None while it is being drawn (or no font is installed)."""
    return ShareCard.objects.filter(article=article).first()
