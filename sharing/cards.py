"""Drawing a share card: a 1200 × 630 picture of the story's headline, union and site name.

Pillow draws it with Noto Serif CJK / Noto Sans CJK (SIL Open Font License). Production gets
the fonts from Debian's fonts-noto-cjk package, which `make run` installs (README: Share
cards); SHARE_CARD_FONT_SERIF and SHARE_CARD_FONT_SANS name other font files.
"""

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BAND_HEIGHT = 112
RED = (176, 20, 28)
RED_DARK = (140, 15, 22)
INK = (27, 27, 27)
MUTED = (92, 92, 92)
PAPER = (250, 248, 244)
HEADLINE_SIZES = (72, 64, 56, 48, 42)
HEADLINE_MAX_LINES = 3
LINE_SPACING = 1.3
JPEG_QUALITY = 88

# Debian's fonts-noto-cjk; index 2 of each collection is the Simplified Chinese face.
DEBIAN_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
DEBIAN_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SIMPLIFIED_CHINESE_FACE = 2

# A line may not start with closing punctuation, nor end with opening punctuation (禁则).
NO_LINE_START = set("，。、；：？！）》」』】〕…—·”’,.;:?!)]}%")
NO_LINE_END = set("（《「『【〔“‘([{")
# A number or a Latin word is never split across lines ("260", "WeChat").
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%'-]*|.", re.DOTALL)


class FontMissingError(RuntimeError):
    """No CJK font to draw with: install fonts-noto-cjk or set SHARE_CARD_FONT_*."""


@dataclass(frozen=True)
class CardText:
    headline: str
    union_name: str
    site_name: str
    site_host: str
    kicker: str = ""


def font_paths():
    return (
        getattr(settings, "SHARE_CARD_FONT_SERIF", "") or DEBIAN_SERIF,
        getattr(settings, "SHARE_CARD_FONT_SANS", "") or DEBIAN_SANS,
    )


def missing_fonts():
    """The configured font files that do not exist."""
    return [path for path in font_paths() if not Path(path).is_file()]


@cache
def _font(path, size):
    index = SIMPLIFIED_CHINESE_FACE if path.endswith(".ttc") else 0
    return ImageFont.truetype(path, size, index=index)


def _fonts():
    missing = missing_fonts()
    if missing:
        raise FontMissingError(f"No font file at {', '.join(missing)}")
    return font_paths()


def wrap(text, font, width):
    """Lines of text no wider than width, broken between characters, obeying 禁则."""
    lines, line = [], ""
    for char in _UNIT.findall(text):
        candidate = line + char
        if not line or font.getlength(candidate) <= width or char in NO_LINE_START:
            line = candidate
            continue
        carried = ""
        if line[-1] in NO_LINE_END and len(line) > 1:
            line, carried = line[:-1], line[-1]
        lines.append(line)
        line = carried + char
    if line:
        lines.append(line)
    return lines


def _fit_headline(headline, path):
    """The largest headline size whose lines fit; at the smallest, the last line is cut."""
    width = WIDTH - 2 * MARGIN
    for size in HEADLINE_SIZES:
        font = _font(path, size)
        lines = wrap(headline, font, width)
        if len(lines) <= HEADLINE_MAX_LINES:
            return font, lines
    lines = lines[:HEADLINE_MAX_LINES]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    lines[-1] = last + "…"
    return font, lines


def draw_card(text: CardText):
    """The card as JPEG bytes."""
    serif, sans = _fonts()
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)

    # The masthead band, as on the site.
    draw.rectangle([0, 0, WIDTH, BAND_HEIGHT], fill=RED)
    draw.rectangle([0, BAND_HEIGHT, WIDTH, BAND_HEIGHT + 6], fill=RED_DARK)
    draw.text(
        (MARGIN, BAND_HEIGHT // 2), text.site_name, font=_font(serif, 52), fill="white", anchor="lm"
    )
    draw.text(
        (WIDTH - MARGIN, BAND_HEIGHT // 2),
        text.site_host,
        font=_font(sans, 26),
        fill="white",
        anchor="rm",
    )

    # The kicker and headline, centred in the space between the band and the footer line.
    font, lines = _fit_headline(text.headline, serif)
    line_height = round(font.size * LINE_SPACING)
    kicker_font = _font(sans, 30)
    block_height = len(lines) * line_height + (48 if text.kicker else 0)
    top = BAND_HEIGHT + (HEIGHT - BAND_HEIGHT - 110 - block_height) // 2 + 10
    if text.kicker:
        kicker = wrap(text.kicker, kicker_font, WIDTH - 2 * MARGIN)[0]
        draw.text((MARGIN, top), kicker, font=kicker_font, fill=MUTED)
        top += 48
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=font, fill=INK)

    # The union, under a red rule.
    footer_top = HEIGHT - 110
    draw.rectangle([MARGIN, footer_top, MARGIN + 80, footer_top + 6], fill=RED)
    draw.text(
        (MARGIN, footer_top + 52), text.union_name, font=_font(sans, 34), fill=RED, anchor="lm"
    )

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def headline_box():
    """Where the headline may be drawn (left, top, right, bottom), for checking a card."""
    return (MARGIN, BAND_HEIGHT + 10, WIDTH - MARGIN, HEIGHT - 112)
