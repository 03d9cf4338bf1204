import os
import uuid

from django.db import models
from django.db.models import Q
from django.db.models.fields.files import ImageFieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField

from photos import renditions
from photos.cleanup import delete_after_commit, note_written
from photos.processing import StoredOriginal, clean_original
from photos.renditions import FitWidth, GenerateInBackground, Rendition
from photos.validation import open_verified_image


def photo_upload_to(photo, filename):
    """photos/2026/11/<random>.jpg: unguessable, never reused, and no phone file name in URLs."""
    extension = os.path.splitext(filename)[1].lower()
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class PhotoFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        super().save(name, content, save)
        note_written(self.storage, self.name)


class PhotoImageField(models.ImageField):
    """An image field whose stored files are noted, so a failed transaction leaves none."""

    attr_class = PhotoFieldFile


def _rendition(width, kind):
    return ImageSpecField(
        source="image",
        processors=[FitWidth(width)],
        format=renditions.FORMATS[kind]["format"],
        options=renditions.FORMATS[kind]["options"],
        cachefile_strategy=GenerateInBackground,
    )


class Photo(models.Model):
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PhotoImageField(
        _("image"),
        upload_to=photo_upload_to,
        help_text=_(
            "It is turned upright and stripped of camera data and location before it is stored."
        ),
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("The photo's caption (图片说明).")
    )
    credit = models.CharField(
        _("credit"), max_length=60, blank=True, help_text=_("The photographer's name, e.g. 姚佳佳.")
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_lead = models.BooleanField(
        _("lead photo"),
        default=False,
        help_text=_("Shown at the top of the story and in shared links."),
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    renditions_ready = models.BooleanField(
        _("renditions ready"),
        default=False,
        editable=False,
        help_text=_("Set by the background task once the photo's renditions are stored."),
    )

    # Made once per uploaded file by photos.tasks.make_renditions, after the commit; never when
    # shown.
    rendition_480_webp = _rendition(480, "webp")
    rendition_960_webp = _rendition(960, "webp")
    rendition_1600_webp = _rendition(1600, "webp")
    rendition_480_jpeg = _rendition(480, "jpeg")
    rendition_960_jpeg = _rendition(960, "jpeg")
    rendition_1600_jpeg = _rendition(1600, "jpeg")

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(is_lead=True),
                name="one_lead_photo_per_article",
                violation_error_message=_("A story has at most one lead photo."),
            ),
        ]

    def __str__(self):
        return self.caption[:30] or self.credit or os.path.basename(self.image.name)

    def save(self, *args, **kwargs):
        replaced = None
        # An image not yet committed is a new upload, stored by this save.
        new_image = bool(self.image) and not self.image._committed
        if new_image:
            self._prepare_new_image()
            self.renditions_ready = False
            if self.pk:
                stored = type(self).objects.filter(pk=self.pk).values_list("image", flat=True)
                replaced = stored.first()
        super().save(*args, **kwargs)
        if new_image:
            from photos.tasks import renditions_after_commit

            renditions_after_commit(self, using=kwargs.get("using"))
        if replaced and replaced != self.image.name:
            old = type(self)(pk=self.pk, image=replaced)
            delete_after_commit(old.image.storage, old.stored_names())

    def _prepare_new_image(self):
        """Make an upload the original we store: verified, upright, without metadata.

        The admin's form has done this already (photos.forms.PhotoImageField); other callers,
        such as an import, get the same checks here and a ValidationError if the file is bad.
        """
        content = self.image.file
        if not isinstance(content, StoredOriginal):
            content = clean_original(open_verified_image(content), name=self.image.name)
            self.image = content
        self.width, self.height = content.width, content.height

    @property
    def alt(self):
        """The alt text, or the caption when the editor gave none."""
        return self.alt_text or self.caption

    @property
    def processing(self):
        """An image whose renditions the background task has not made yet."""
        return bool(self.image) and not self.renditions_ready

    def renditions(self, kind):
        """The photo's renditions of a kind ("webp" or "jpeg"), smallest first; none until the
        background task has made them."""
        if not self.image or not self.width or not self.height or not self.renditions_ready:
            return []
        # Naming a rendition hashes its spec: worth keeping while the image stays the same.
        key = (kind, self.image.name, self.width, self.height)
        cache = self.__dict__.setdefault("_renditions_cache", {})
        if key not in cache:
            cache[key] = self._make_renditions(kind)
        return cache[key]

    def _make_renditions(self, kind):
        return [
            Rendition(
                url=getattr(self, renditions.field_name(rendition_width, kind)).url,
                width=width,
                height=height,
            )
            for rendition_width, (width, height) in renditions.sizes_for(self.width, self.height)
        ]

    @property
    def webp_srcset(self):
        return _srcset(self.renditions("webp"))

    @property
    def jpeg_srcset(self):
        return _srcset(self.renditions("jpeg"))

    @property
    def fallback_url(self):
        """For browsers that know no srcset: the JPEG nearest 960 pixels wide."""
        jpegs = self.renditions("jpeg")
        if not jpegs:
            return self.image.url if self.image else ""
        fitting = [rendition for rendition in jpegs if rendition.width <= 960]
        return (fitting or jpegs)[-1].url

    @property
    def og_image(self):
        """The Open Graph image: the largest JPEG rendition (1600 pixels wide at most)."""
        jpegs = self.renditions("jpeg")
        return jpegs[-1] if jpegs else None

    @property
    def og_image_url(self):
        og_image = self.og_image
        return og_image.url if og_image else ""

    def stored_names(self):
        """Every file the photo may have in storage: the original and all its renditions."""
        if not self.image:
            return []
        names = [self.image.name]
        for rendition_width in renditions.WIDTHS:
            for kind in renditions.FORMATS:
                names.append(getattr(self, renditions.field_name(rendition_width, kind)).name)
        return names


def _srcset(rendition_list):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in rendition_list)
