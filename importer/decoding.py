"""Bytes of a text file to text: detect UTF-8 (with or without BOM), GB18030 or GBK, and say which.

Offices save copy as GB18030/GBK as often as UTF-8. GBK is a subset of GB18030, so a file that
decodes as GBK is reported as GBK; one that needs GB18030's four-byte sequences as GB18030.
"""

import codecs
import re
from dataclasses import dataclass

from importer.exceptions import BinaryFileError, EmptyFileError, UndecodableFileError

UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 (BOM)"
UTF16 = "UTF-16"
GBK = "GBK"
GB18030 = "GB18030"

# Signatures of common binary files someone may pick by mistake.
_BINARY_SIGNATURES = (
    b"PK\x03\x04",  # zip: .docx, .xlsx, .zip
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"\xd0\xcf\x11\xe0",  # old Office (.doc, .xls)
    b"{\\rtf",
    b"\x7fELF",
)
# Control characters other than tab and line breaks, private-use and surrogate code points:
# what decoding a binary file as GBK or GB18030 yields, and never prose.
_NOT_PROSE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\U000f0000-\U0010ffff]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_text(data, *, name=""):
    """The text in data and the name of its encoding; raises a CopyImportError when it has none."""
    if not data.strip():
        raise EmptyFileError(source_name=name)
    if data.startswith(codecs.BOM_UTF8):
        candidates = [(UTF8_BOM, "utf-8-sig")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": the only text here that may hold NUL bytes.
        candidates = [(UTF16, "utf-16")]
    else:
        if _looks_binary(data):
            raise BinaryFileError(source_name=name)
        candidates = [(UTF8, "utf-8"), (GBK, "gbk"), (GB18030, "gb18030")]
    for label, codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            raise BinaryFileError(source_name=name)
        text = normalise_line_breaks(text)
        if not text.strip():
            raise EmptyFileError(source_name=name)
        return DecodedText(text, label)
    raise UndecodableFileError(source_name=name)


def normalise_line_breaks(text):
    """One kind of line break, no byte-order mark, no invisible characters that break parsing."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n")
    return text.replace("\xa0", " ").replace("\u200b", "").replace("\f", "\n")


def _looks_binary(data):
    return b"\x00" in data or data.startswith(_BINARY_SIGNATURES)


def _looks_like_text(text):
    return _NOT_PROSE.search(text) is None
