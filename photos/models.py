from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Photo(models.Model):
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(
        _("image"), upload_to="photos/%Y/%m/", width_field="width", height_field="height"
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
        return self.caption[:30] or self.image.name
