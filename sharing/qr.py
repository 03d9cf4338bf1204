"""QR codes of story addresses ("手机扫码阅读"), drawn once per address and kept in the cache.

An address's QR code never changes, so it is drawn on the first request that needs it and
read from the cache ever after (the page cache usually answers before that anyway).
"""

import hashlib

import segno
from django.core.cache import cache
from django.utils.safestring import mark_safe

QR_SCALE = 3
QR_BORDER = 2


def qr_svg(url):
    """An inline SVG of url's QR code. Its only text is path data that segno writes."""
    key = "sharing:qr:" + hashlib.sha256(url.encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = segno.make(url, error="m").svg_inline(scale=QR_SCALE, border=QR_BORDER)
        cache.set(key, svg, timeout=None)
    return mark_safe(svg)
