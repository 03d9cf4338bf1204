"""Rules about photos that other parts of the newsroom enforce, such as the workflow."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PHOTO_GENRE = "photo"


def photo_story_ready(article):
    """Why a photo story cannot yet go to review, or None when it can (or is no photo story).

    A photo story (图片新闻) needs a photo with a credit. Reads article.photos.all(), so a
    prefetch_related("photos") serves it.
    """
    if article.genre != PHOTO_GENRE:
        return None
    photos = list(article.photos.all()) if article.pk else []
    if not photos:
        return _("A photo story needs a photo before it can be submitted for review.")
    if not any(photo.credit.strip() for photo in photos):
        return _(
            "A photo story needs a credited photo before it can be submitted for review: "
            "give the photographer's name in the photo's “credit”."
        )
    return None


def check_photo_story_ready(article):
    """The same rule as a ValidationError (code "photo_story_not_ready") for forms and services."""
    problem = photo_story_ready(article)
    if problem is not None:
        raise ValidationError(problem, code="photo_story_not_ready")
