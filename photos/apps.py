from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    name = "photos"
    verbose_name = _("Photos")

    def ready(self):
        from django.core import checks
        from django.core.signals import got_request_exception, request_started
        from django.db.models.signals import post_delete

        from photos import cleanup, signals
        from photos.models import Photo

        request_started.connect(cleanup.begin_request, dispatch_uid="photos_begin_request")
        got_request_exception.connect(cleanup.request_failed, dispatch_uid="photos_request_failed")
        post_delete.connect(signals.photo_deleted, sender=Photo, dispatch_uid="photos_deleted")
        checks.register(signals.check_truncated_images_refused)
