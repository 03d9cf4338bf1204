from django.core import checks
from PIL import ImageFile

from photos.cleanup import delete_after_commit


def photo_deleted(sender, instance, **kwargs):
    """A deleted photo (on its own or with its story) takes its files along, once committed."""
    delete_after_commit(instance.image.storage, instance.stored_names())


def check_truncated_images_refused(app_configs, **kwargs):
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        return [
            checks.Error(
                "PIL.ImageFile.LOAD_TRUNCATED_IMAGES is on, so cut-off photo uploads would be "
                "accepted and stored as partly grey pictures.",
                hint="Remove the code that sets it; photos.validation relies on it being off.",
                id="photos.E001",
            )
        ]
    return []
