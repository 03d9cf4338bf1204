"""Renditions: each photo at a few widths, in WebP with a JPEG fallback, made once per upload.

django-imagekit makes and names them; they go through Django's storage API like the
originals, so S3-compatible storage needs only settings. Making six renditions of a phone
photo takes seconds, so they are not made in the upload's request: a background task
(photos.tasks.make_renditions) makes them after the commit, and the photo says when they are
ready (Photo.renditions_ready). Showing a page does no image work, not even an existence check.
"""

import math
from dataclasses import dataclass

from imagekit.cachefiles.strategies import Optimistic
from PIL import Image

from photos.cleanup import delete_quietly, note_written

WIDTHS = (480, 960, 1600)
# WebP's largest side; JPEG allows more, but both formats of a rendition have the same size.
MAX_RENDITION_HEIGHT = 16383
REDUCING_GAP = 2
FORMATS = {
    # WebP at quality 80 is about a third smaller than JPEG at quality 82 for the same look.
    "webp": {"format": "WEBP", "options": {"quality": 80, "method": 4}},
    "jpeg": {"format": "JPEG", "options": {"quality": 82, "progressive": True, "optimize": True}},
}


def field_name(width, kind):
    """The Photo attribute that holds a rendition, e.g. rendition_960_webp."""
    return f"rendition_{width}_{kind}"


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


class FitWidth:
    """An imagekit processor: scale down to a width, never up, keeping the proportions.

    The size is rendition_size()'s, to the pixel, so srcset and width/height tell the truth.
    Like Image.thumbnail, it lets the JPEG decoder skip detail the small size does not need
    (draft mode), which makes small renditions of large photos several times faster.
    """

    def __init__(self, width):
        self.width = width

    def process(self, image):
        size = rendition_size(image.width, image.height, self.width)
        if image.size == size:
            return image
        drafted = image.draft(None, (size[0] * REDUCING_GAP, size[1] * REDUCING_GAP))
        return image.resize(
            size,
            Image.Resampling.LANCZOS,
            box=drafted[1] if drafted else None,
            reducing_gap=REDUCING_GAP,
        )


def scaled_height(width, height, new_width):
    """The height of a width × height picture scaled to new_width, rounded as Pillow does."""
    aspect = width / height
    exact = new_width / aspect
    candidates = {max(math.floor(exact), 1), max(math.ceil(exact), 1)}
    return min(candidates, key=lambda candidate: (abs(aspect - new_width / candidate), candidate))


def rendition_size(width, height, rendition_width):
    """The size of a width × height photo's rendition for rendition_width.

    Never wider than the photo, and never taller than WebP allows: a long screenshot (长图)
    gets narrower renditions rather than none.
    """
    new_width = min(rendition_width, width)
    new_height = scaled_height(width, height, new_width)
    if new_height > MAX_RENDITION_HEIGHT:
        new_width = scaled_height(height, width, MAX_RENDITION_HEIGHT)
        new_height = MAX_RENDITION_HEIGHT
    return new_width, new_height


def rendition_width(spec):
    return next(processor.width for processor in spec.processors if isinstance(processor, FitWidth))


def sizes_for(width, height):
    """The (rendition width, (actual width, actual height)) pairs a photo has, without repeats.

    A photo narrower than a rendition width is not enlarged: it gets one rendition at its own
    width, and the larger rendition widths are skipped.
    """
    pairs = []
    for rendition_width in WIDTHS:
        size = rendition_size(width, height, rendition_width)
        if pairs and pairs[-1][1] == size:
            break
        pairs.append((rendition_width, size))
    return pairs


class GenerateInBackground(Optimistic):
    """Optimistic (URLs never check storage), but nothing is made when the photo is saved:
    photos.tasks.make_renditions calls make_renditions() once the upload is committed."""

    def on_source_saved(self, file):
        pass


def needed_files(photo):
    """The imagekit files of the renditions the photo's size calls for (no enlargements)."""
    if not photo.image or not photo.width or not photo.height:
        return []
    return [
        getattr(photo, field_name(rendition_width, kind))
        for rendition_width, _ in sizes_for(photo.width, photo.height)
        for kind in FORMATS
    ]


def make_renditions(photo):
    """Write the renditions of the photo's current file; returns the names written or found.

    Idempotent: a rendition's name hashes its source's name and its spec, and one already in
    storage (made by an earlier attempt) is left as it is. Storage is asked, not imagekit's
    cached state, which stays "generating" after a failed attempt and would skip the file.
    """
    names = []
    for file in needed_files(photo):
        if not file.storage.exists(file.name):
            try:
                file.generate(force=True)
            except Exception:
                delete_quietly(file.storage, file.name)  # a half-written file, if any
                raise
            note_written(file.storage, file.name)
        names.append(file.name)
    return names
