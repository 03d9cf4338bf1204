"""Renditions in the background: six renditions of a phone photo take a request's seconds.

The upload's request stores the original (upright, without metadata) and enqueues
make_renditions on commit; until it has run, pages show the photo as being processed.
"""

from django.db import transaction
from django_tasks import task

from newsroom.background import enqueue_on_commit, retry_on_failure
from photos import renditions
from photos.cleanup import delete_quietly, files_discarded_on_error
from photos.models import Photo


@task()
def make_renditions(photo_id, image_name, attempt=1):
    """Make the renditions of photo `photo_id` while its file is still `image_name`.

    Returns how many renditions the photo has (0 if none were due). Idempotent and safe to run
    late: a photo deleted meanwhile, or whose file was replaced (a task for the new file is
    enqueued then), gets nothing; renditions written while it was being deleted or replaced
    are deleted again.
    Marking the photo ready is a save, so the news pages' caches are cleared as for any edit.
    """
    with retry_on_failure(make_renditions, photo_id, image_name, attempt=attempt):
        photo = Photo.objects.filter(pk=photo_id, image=image_name).first()
        if photo is None:
            return 0
        with files_discarded_on_error():
            written = renditions.make_renditions(photo)
        with transaction.atomic():
            current = (
                Photo.objects.select_for_update().filter(pk=photo_id, image=image_name).first()
            )
            if current is None:
                transaction.on_commit(lambda: _delete(photo, written))
                return 0
            if not current.renditions_ready:
                current.renditions_ready = True
                current.save(update_fields=["renditions_ready"])
        return len(written)


def _delete(photo, names):
    for name in names:
        delete_quietly(photo.image.storage, name)


def renditions_after_commit(photo, *, using=None):
    """Enqueue the renditions of the photo's current file once its upload is committed."""
    enqueue_on_commit(make_renditions, photo.pk, photo.image.name, using=using)
