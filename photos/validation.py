"""Checks an uploaded file is a photo we can safely store: real content, known format, sane size."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from photos import heif

# JPEG's largest side: originals stored as JPEG (iPhone photos among them) cannot be longer.
MAX_SIDE = 65_500

# Pillow's format names of what we accept; HEIF (iPhone photos) when pillow-heif is installed.
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", *heif.FORMATS}
# Formats people mistake for photos, recognised only to say that they are refused.
NAMED_REFUSED_FORMATS = {"GIF", "BMP", "TIFF"}


def max_bytes():
    return settings.PHOTO_MAX_BYTES


def max_pixels():
    # Never above Pillow's own limit: past it Pillow only warns, and catch_warnings below is
    # not thread-safe, so this check alone must refuse everything in the warning range.
    limit = settings.PHOTO_MAX_PIXELS
    return min(limit, Image.MAX_IMAGE_PIXELS) if Image.MAX_IMAGE_PIXELS else limit


def accepted_formats_label():
    return "JPEG, PNG, WebP" + (", HEIC" if heif.FORMATS else "")


def accepted_content_types():
    """For the file input's accept attribute: what the phone's picker should offer."""
    types = ["image/jpeg", "image/png", "image/webp"]
    if heif.FORMATS:
        types += ["image/heic", "image/heif", ".heic", ".heif"]
    return ",".join(types)


def open_verified_image(file):
    """Open an uploaded file as a fully decoded image, or raise ValidationError saying why not.

    The file's name and declared type are ignored: only its content counts.
    """
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            _("The file is %(size)s; a photo may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")

    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice that; a warning is a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = _open(file)
            _check_pixels(image)
            image.verify()
            # verify() leaves the image unusable: decode it again, in full, to catch truncation.
            image = _open(file)
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as error:
            # Pillow's plugins report malformed data with a variety of exceptions.
            if isinstance(error, EOFError) or any(
                sign in str(error).lower() for sign in ("truncated", "end of file")
            ):
                raise ValidationError(
                    _(
                        "The photo is incomplete: the file was cut off, perhaps while it was "
                        "copied or sent. Upload the complete file."
                    ),
                    code="truncated",
                ) from error
            raise _damaged() from error
    return image


def _open(file):
    file.seek(0)
    try:
        # Pillow reads only these formats' headers, which keeps its rarer parsers away from
        # uploads.
        return Image.open(file, formats=sorted(ACCEPTED_FORMATS))
    except UnidentifiedImageError as error:
        refused = _refused_format(file)
        if refused:
            raise ValidationError(
                _(
                    "%(format)s images are not accepted. Upload a photo in one of these "
                    "formats: %(formats)s."
                ),
                code="unsupported_format",
                params={"format": refused, "formats": accepted_formats_label()},
            ) from error
        raise ValidationError(
            _(
                "This file is not a photo, whatever its name says. "
                "Upload a photo in one of these formats: %(formats)s."
            ),
            code="not_an_image",
            params={"formats": accepted_formats_label()},
        ) from error


def _refused_format(file):
    """The name of a format people mistake for a photo, to say so; None for anything else."""
    file.seek(0)
    try:
        with Image.open(file, formats=sorted(NAMED_REFUSED_FORMATS)) as image:
            return image.format
    except (
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        # Refused either way: a file these parsers cannot read either is simply no photo.
        return None


def _check_pixels(image):
    width, height = image.size
    if width * height > max_pixels():
        raise _too_many_pixels(width, height)
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            _(
                "The photo is %(width)s × %(height)s pixels; no side may be longer than "
                "%(limit)s pixels. Crop or reduce it and upload it again."
            ),
            code="too_long",
            params={"width": width, "height": height, "limit": MAX_SIDE},
        )


def _too_many_pixels(width=None, height=None):
    limit = f"{max_pixels() / 1_000_000:g}"
    if width is None:
        return ValidationError(
            _(
                "The photo has too many pixels to process safely (the limit is %(limit)s "
                "megapixels). Reduce its size and upload it again."
            ),
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _(
            "The photo is %(width)s × %(height)s pixels, more than the %(limit)s megapixels we "
            "can process safely. Reduce its size and upload it again."
        ),
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": limit},
    )


def _damaged():
    return ValidationError(
        _(
            "The photo's file is damaged and cannot be read. Export or copy it again and upload "
            "the new file."
        ),
        code="damaged",
    )
