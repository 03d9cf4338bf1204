"""Photos made on the spot for the tests: real encodings, with the metadata phones write."""

import functools
import io

from PIL import ExifTags, Image

# Where the camera was: what must never reach readers.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (33.0, 38.0, 24.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (116.0, 58.0, 12.0),
}


def picture(width, height, mode="RGB"):
    """A picture whose left half is red and right half blue, so a rotation shows."""
    image = Image.new(mode, (width, height), "blue")
    image.paste("red", (0, 0, width // 2, height))
    return image


def encode(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def phone_exif(orientation=6):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Model] = "Phone 15"
    exif[ExifTags.Base.Artist] = "Reporter's own name"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def phone_jpeg(width=2000, height=1500, orientation=6):
    """A JPEG as a phone held upright writes it: stored sideways, with orientation and GPS."""
    return encode(
        picture(width, height),
        "JPEG",
        quality=85,
        exif=phone_exif(orientation),
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>',
    )


def png(width=1800, height=1200, mode="RGB"):
    return encode(picture(width, height, mode), "PNG")


def webp(width=1800, height=1200):
    return encode(picture(width, height), "WEBP", quality=80, exif=phone_exif(1))


def heic(width=1200, height=900):
    import pillow_heif  # noqa: F401 - registered by photos.heif; imported so a skip is clear

    return encode(picture(width, height), "HEIF", quality=60)


def gif(width=300, height=200):
    return encode(picture(width, height).convert("P"), "GIF")


def truncated_jpeg():
    whole = encode(Image.effect_noise((800, 600), 60).convert("RGB"), "JPEG", quality=90)
    return whole[: len(whole) // 2]


def noisy_jpeg(width=400, height=300):
    """A JPEG that compresses badly, so its size in bytes is predictable enough."""
    return encode(Image.effect_noise((width, height), 80).convert("RGB"), "JPEG", quality=95)


def metadata_of(image):
    """What an opened image carries besides its pixels."""
    exif = image.getexif()
    return {
        "exif": dict(exif),
        "gps": dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
        "info": sorted(key for key in image.info if key in {"exif", "xmp", "XML:com.adobe.xmp"}),
    }


@functools.cache
def decompression_bomb(width, height):
    """A real PNG of a few kilobytes that decodes to width × height pixels."""
    return encode(Image.new("1", (width, height)), "PNG")


def long_screenshot(width=1080, height=24000):
    """A phone's long screenshot (长图): taller than WebP can hold at rendition widths."""
    return encode(Image.new("L", (width, height), 200), "PNG")
