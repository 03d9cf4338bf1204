"""Turns a verified upload into the original we store: upright, in sRGB, without metadata.

Phones write the camera's orientation, the place (GPS), the device and often the owner's name
into a photo. None of it may reach readers, so the stored original is re-encoded from its
pixels alone; its renditions are made from it and so carry nothing either.
"""

import io
import os
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import ExifTags, Image, ImageCms, ImageOps

# What each accepted format is stored as: browsers cannot show HEIF, so iPhone photos become JPEG.
# Pillow names a JPEG that carries further pictures (phones' Ultra-HDR gain maps, 3D cameras'
# second eye) MPO; only its first picture, the photo itself, is kept.
STORED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
SAVE_OPTIONS = {
    # Quality 90 keeps the original fit for print and for later renditions. Baseline, not
    # progressive: readers get renditions, and a baseline file encodes and decodes (for each
    # rendition) several times faster.
    "JPEG": {"quality": 90},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
}
# Modes each stored format can hold as they are; anything else is converted first.
KEPT_MODES = {
    "JPEG": {"RGB", "L"},
    "PNG": {"RGB", "RGBA", "L", "LA", "P"},
    "WEBP": {"RGB", "RGBA"},
}
SRGB = ImageCms.createProfile("sRGB")


class StoredOriginal(ContentFile):
    """The cleaned photo, ready for storage, with the size it has once upright."""

    def __init__(self, content, *, name, width, height):
        super().__init__(content, name=name)
        self.width = width
        self.height = height


@dataclass(frozen=True)
class _Pixels:
    image: Image.Image
    icc_profile: bytes | None


def clean_original(image, *, name="photo"):
    """Encode a decoded upload as the original to store; `name` gives the file's base name."""
    stored_format = STORED_FORMATS[image.format]
    upright = _upright(image)
    pixels = _in_srgb(upright)
    converted = _storable(pixels.image, stored_format)
    buffer = io.BytesIO()
    options = dict(SAVE_OPTIONS[stored_format])
    if pixels.icc_profile:
        options["icc_profile"] = pixels.icc_profile
    # Only the pixels are written: no exif=, xmp= or pnginfo=, so no metadata follows them.
    converted.save(buffer, stored_format, **options)
    base = os.path.splitext(os.path.basename(name))[0] or "photo"
    return StoredOriginal(
        buffer.getvalue(),
        name=base + EXTENSIONS[stored_format],
        width=converted.width,
        height=converted.height,
    )


def _upright(image):
    """Turn the pixels as the camera's orientation tag says, then forget all metadata."""
    try:
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        upright = ImageOps.exif_transpose(image) if orientation != 1 else image
    except (SyntaxError, ValueError, TypeError, KeyError, OSError):
        # Unreadable EXIF: the pixels are still good, only their orientation tag is lost.
        upright = image
    upright.info = {"icc_profile": image.info.get("icc_profile")}
    return upright


def _in_srgb(image):
    """Convert colours to sRGB, the web's default, so that no profile needs to travel along."""
    icc = image.info.get("icc_profile")
    if image.mode == "CMYK" and not icc:
        return _Pixels(image.convert("RGB"), None)
    if not icc or image.mode not in {"RGB", "RGBA", "CMYK"}:
        return _Pixels(image, None)
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(source).lower():
            return _Pixels(image, None)
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, SRGB, outputMode=output_mode)
        return _Pixels(converted, None)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A profile littlecms cannot use: keep it with the pixels so browsers can.
        if image.mode == "CMYK":
            return _Pixels(image.convert("RGB"), None)
        return _Pixels(image, icc)


def _storable(image, stored_format):
    if image.mode in KEPT_MODES[stored_format]:
        return image
    if image.mode in {"I", "I;16", "I;16L", "I;16B", "I;16N", "F"}:
        # 16-bit greyscale (some scanners): scale to 8 bits rather than clip to white.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        return image if image.mode in KEPT_MODES[stored_format] else image.convert("RGB")
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha and "RGBA" in KEPT_MODES[stored_format]:
        return image.convert("RGBA")
    if has_alpha:
        # JPEG has no transparency: lay the photo on white, as a page would show it.
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return background
    return image.convert("RGB")
