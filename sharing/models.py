import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from photos.renditions import Rendition


def card_upload_to(card, filename):
    """sharing/cards/<story>/<random>.jpg: a new name for every drawing, so it can be cached for
    good, like a photo's renditions."""
    return f"sharing/cards/{card.article_id}/{uuid.uuid4().hex}.jpg"


class ShareCard(models.Model):
    """The picture a shared link shows for a story without a photo: its headline on a card.

    Drawn in the background when the story is published or corrected (sharing.tasks), never
    while a page is shown. It answers the same questions as a Photo for the page's Open Graph
    tags (og_image, alt_text, caption), so the page treats both alike.
    """

    WIDTH = 1200
    HEIGHT = 630

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="share_card",
    )
    image = models.ImageField(_("image"), upload_to=card_upload_to)
    headline = models.CharField(
        _("headline drawn"),
        max_length=200,
        help_text=_("The headline on the card; the card is drawn again when it changes."),
    )
    union_name = models.CharField(_("union drawn"), max_length=200)
    drawn_at = models.DateTimeField(_("drawn"), auto_now=True)

    class Meta:
        verbose_name = _("share card")
        verbose_name_plural = _("share cards")

    def __str__(self):
        return self.headline

    @property
    def og_image(self):
        return Rendition(url=self.image.url, width=self.WIDTH, height=self.HEIGHT)

    @property
    def alt_text(self):
        return self.headline

    caption = ""
    alt = alt_text
