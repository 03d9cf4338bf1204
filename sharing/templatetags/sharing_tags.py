from django import template

from sharing.qr import qr_svg

register = template.Library()


@register.simple_tag
def qr_code(url):
    """The QR code of an absolute address, as inline SVG ("" without an address)."""
    return qr_svg(url) if url else ""
