"""Bytes of a text file to text: detect UTF-8 (with or without BOM), GB18030, GBK or Big5, and
say which.

Offices save copy as GB18030/GBK as often as UTF-8; partners in Hong Kong and Taiwan send Big5.
GBK is a subset of GB18030, so a file that decodes as GBK is reported as GBK; one that needs
GB18030's four-byte sequences as GB18030. Big5 bytes often decode as GB18030 too, into
nonsense: among the legacy encodings that decode a file, the one whose text is made of the most
common Chinese characters wins.
"""

import codecs
import re
from dataclasses import dataclass
from functools import cache

from importer.exceptions import BinaryFileError, EmptyFileError, UndecodableFileError

UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 (BOM)"
UTF16 = "UTF-16"
GBK = "GBK"
GB18030 = "GB18030"
BIG5 = "Big5"
# The most frequent characters of Chinese news copy, in Simplified and Traditional forms: text
# decoded with the wrong legacy encoding is made of rare characters and kana instead.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
    "集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近"
    "矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写"
    "存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严龙讯职委办"
)

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
        candidates = _legacy_candidates(data, codecs_to_try=[(UTF8_BOM, "utf-8-sig")])
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": the only text here that may hold NUL bytes.
        candidates = _legacy_candidates(data, codecs_to_try=[(UTF16, "utf-16")])
    else:
        if _looks_binary(data):
            raise BinaryFileError(source_name=name)
        try:
            candidates = [(UTF8, data.decode("utf-8"))]
        except UnicodeDecodeError:
            candidates = _legacy_candidates(data)
    if not candidates:
        raise UndecodableFileError(source_name=name)
    label, text = max(candidates, key=lambda candidate: _plausibility(candidate[1]))
    if not _looks_like_text(text):
        raise BinaryFileError(source_name=name)
    text = normalise_line_breaks(text)
    if not text.strip():
        raise EmptyFileError(source_name=name)
    return DecodedText(text, label)


def _legacy_candidates(data, codecs_to_try=None):
    """(label, text) for each encoding that decodes data; GBK before GB18030 (its superset)."""
    candidates, seen = [], set()
    for label, codec in codecs_to_try or [(GBK, "gbk"), (GB18030, "gb18030"), (BIG5, "big5hkscs")]:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text not in seen:
            seen.add(text)
            candidates.append((label, text))
    return candidates


def _plausibility(text):
    """Share of common Chinese characters among the ideographs (first wins on a tie)."""
    sample = [character for character in text[:20000] if "\u3400" <= character <= "\u9fff"]
    if not sample:
        return 0.0
    common = _common_characters()
    return sum(1 for character in sample if character in common) / len(sample)


def _both_forms(characters):
    from importer.traditional import to_traditional

    return frozenset(characters) | frozenset(to_traditional("".join(characters)))


@cache
def _common_characters():
    # Built on first use, not on import: OpenCC's Simplified-to-Traditional tables take about
    # 27 MB, which every process importing the admin's URLs (each web worker) would hold.
    return _both_forms(sorted(_COMMON))


def normalise_line_breaks(text):
    """One kind of line break, no byte-order mark, no invisible characters that break parsing."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n")
    return text.replace("\xa0", " ").replace("\u200b", "").replace("\f", "\n")


def _looks_binary(data):
    return b"\x00" in data or data.startswith(_BINARY_SIGNATURES)


def _looks_like_text(text):
    return _NOT_PROSE.search(text) is None
