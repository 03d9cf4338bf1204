from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles import permissions as rules
from articles.models import Article
from photos.forms import PhotoForm, PhotoInlineForm, PhotoInlineFormSet
from photos.models import Photo

PREVIEW_WIDTH = 240
THUMBNAIL_WIDTH = 96


def _picture(photo, width):
    """A small preview from the smallest rendition; it reads no file, so lists stay fast."""
    if not photo or not photo.pk or not photo.image:
        return ""
    if photo.processing:
        return format_html(
            '<span class="photo-processing-admin">{}</span>', _("Processing the photo…")
        )
    smallest = photo.renditions("jpeg")[:1]
    if not smallest:
        return ""
    shown_width = min(width, smallest[0].width)
    shown_height = round(smallest[0].height * shown_width / smallest[0].width)
    return format_html(
        '<a href="{}"><img src="{}" width="{}" height="{}" alt="{}" loading="lazy"></a>',
        photo.image.url,
        smallest[0].url,
        shown_width,
        shown_height,
        photo.alt,
    )


class PhotoDisplays:
    """The previews both admins show."""

    @admin.display(description=_("preview"))
    def preview(self, photo):
        picture = _picture(photo, PREVIEW_WIDTH)
        if not picture:
            return _("Shown once the photo is saved.")
        return format_html(
            "{}<br>{}",
            picture,
            _("%(width)s × %(height)s pixels, stored without camera data or location.")
            % {"width": photo.width, "height": photo.height},
        )

    @admin.display(description=_("preview"))
    def thumbnail(self, photo):
        return _picture(photo, THUMBNAIL_WIDTH) or "–"

    @admin.display(description=_("caption"), ordering="caption")
    def caption_or_name(self, photo):
        return str(photo)

    @admin.display(description=_("size"))
    def dimensions(self, photo):
        if not photo.width:
            return "–"
        return f"{photo.width} × {photo.height}"


class PhotoInline(PhotoDisplays, admin.StackedInline):
    """A story's photos on its page: upload, caption, credit, alt text, order and lead."""

    model = Photo
    form = PhotoInlineForm
    formset = PhotoInlineFormSet
    extra = 1
    fields = ["preview", "image", "caption", "credit", "alt_text", "position", "is_lead"]
    readonly_fields = ["preview"]

    class Media:
        js = ["photos/admin/several_photos.js", "photos/admin/camera.js"]


@admin.register(Photo)
class PhotoAdmin(PhotoDisplays, admin.ModelAdmin):
    form = PhotoForm
    list_display = [
        "thumbnail",
        "caption_or_name",
        "article",
        "credit",
        "is_lead",
        "dimensions",
        "uploaded_at",
    ]
    list_display_links = ["thumbnail", "caption_or_name"]
    list_filter = ["is_lead", "uploaded_at"]
    search_fields = ["caption", "credit", "alt_text", "article__headline"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    date_hierarchy = "uploaded_at"
    fields = ["article", "preview", "image", "caption", "credit", "alt_text", "position", "is_lead"]
    readonly_fields = ["preview"]

    # A photo belongs to its story: who may change the story decides who may change its photos.
    # Photos without a story are the desk's library, kept by editors.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if rules.is_reviewer(request.user):
            return queryset
        return queryset.filter(article__in=Article.objects.visible_to(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = Article.objects.editable_by(request.user)
            # Only editors keep photos without a story.
            kwargs["required"] = not rules.is_reviewer(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_edit(self, request, photo):
        if photo is None:
            return True
        if photo.article_id is None:
            return rules.is_reviewer(request.user)
        return rules.can_edit(request.user, photo.article)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit(request, obj)
