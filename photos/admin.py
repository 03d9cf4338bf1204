from django.contrib import admin

from photos.models import Photo


class PhotoInline(admin.StackedInline):
    model = Photo
    extra = 0
    fields = ["image", "caption", "credit", "alt_text", "position", "is_lead"]


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "credit", "width", "height", "uploaded_at"]
    search_fields = ["caption", "credit", "article__headline"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    readonly_fields = ["width", "height"]
