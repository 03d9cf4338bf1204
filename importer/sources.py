"""A file handed in for import, read into text: by extension, within the size limit."""

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from importer.decoding import decode_text
from importer.docx_reading import WORD_DOCUMENT, read_docx
from importer.exceptions import (
    EmptyFileError,
    FileTooLargeError,
    OldWordFormatError,
    UnsupportedFileTypeError,
)

TEXT_EXTENSIONS = {".txt", ".text"}
WORD_EXTENSIONS = {".docx"}
ACCEPTED_EXTENSIONS = (".txt", ".docx")


def max_bytes():
    return settings.IMPORT_MAX_BYTES


@dataclass(frozen=True)
class CopySource:
    """The text of one file handed in, with its name and the encoding it was read in."""

    name: str
    text: str
    encoding: str

    @property
    def is_word_document(self):
        return self.encoding == WORD_DOCUMENT

    @property
    def read_as(self):
        """How the file was read, for people: its text encoding, or "Word document"."""
        return gettext("Word document") if self.is_word_document else self.encoding

    def as_dict(self):
        return {"name": self.name, "text": self.text, "encoding": self.encoding}

    @classmethod
    def from_dict(cls, data):
        return cls(name=data["name"], text=data["text"], encoding=data["encoding"])


def read_source(name, data):
    """A CopySource from a file's name and bytes; raises a CopyImportError for bad input."""
    extension = check_extension(name)
    check_size(name, len(data))
    if extension in WORD_EXTENSIONS:
        return CopySource(name, read_docx(data, name=name, max_bytes=max_bytes()), WORD_DOCUMENT)
    decoded = decode_text(data, name=name)
    return CopySource(name, decoded.text, decoded.encoding)


def read_uploaded_file(uploaded):
    """A CopySource from a Django File (an upload), checking its size before reading it."""
    check_extension(uploaded.name)
    check_size(uploaded.name, uploaded.size)
    uploaded.seek(0)
    return read_source(uploaded.name, uploaded.read())


def check_extension(name):
    extension = PurePath(name).suffix.lower()
    if extension == ".doc":
        raise OldWordFormatError(source_name=name)
    if extension not in TEXT_EXTENSIONS | WORD_EXTENSIONS:
        raise UnsupportedFileTypeError(source_name=name)
    return extension


def check_size(name, size):
    if size == 0:
        raise EmptyFileError(source_name=name)
    limit = max_bytes()
    if size > limit:
        raise FileTooLargeError(
            source_name=name,
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
