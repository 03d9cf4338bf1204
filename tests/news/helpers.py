"""Photos and a small newsroom for the public-site tests."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from photos.models import Photo


def jpeg_file(size=(300, 200), color=(176, 20, 28), name="photo.jpg"):
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=70)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def make_photo(article, *, is_lead=False, position=0, size=(300, 200), **fields):
    fields.setdefault("caption", "职工在课堂上学习电工技能。")
    fields.setdefault("alt_text", "职工在教室里听讲")
    return Photo.objects.create(
        article=article,
        image=jpeg_file(size),
        is_lead=is_lead,
        position=position,
        **fields,
    )
