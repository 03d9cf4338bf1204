"""Word (.docx) files to text: one paragraph per block, in the order Word shows them."""

import io
import zipfile

import docx
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from docx.table import Table

from importer.decoding import normalise_line_breaks
from importer.exceptions import EmptyFileError, FileTooLargeError, NotWordFileError

WORD_DOCUMENT = "Word (.docx)"
# A .docx is a zip archive; refuse one that would unpack to more than this many times its
# size limit before python-docx unpacks it into memory (a "zip bomb").
UNPACKED_SIZE_FACTOR = 25


def read_docx(data, *, name="", max_bytes):
    """The text of a Word document, paragraphs separated by blank lines."""
    if not data.strip():
        raise EmptyFileError(source_name=name)
    _check_archive(data, name=name, max_unpacked=max_bytes * UNPACKED_SIZE_FACTOR)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        # python-docx raises KeyError, ValueError, zipfile and lxml errors for files that are
        # zip archives but not Word documents; each means the same to the person uploading.
        raise NotWordFileError(source_name=name) from error
    text = normalise_line_breaks("\n\n".join(_paragraph_texts(document)))
    if not text.strip():
        raise EmptyFileError(source_name=name)
    return text


def _check_archive(data, *, name, max_unpacked):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise NotWordFileError(source_name=name) from error
    if "word/document.xml" not in names:
        raise NotWordFileError(source_name=name)
    if unpacked > max_unpacked:
        raise FileTooLargeError(
            _(
                "“%(name)s” unpacks to %(size)s; Word documents that unpack to up to "
                "%(limit)s can be imported."
            ),
            source_name=name,
            params={"size": filesizeformat(unpacked), "limit": filesizeformat(max_unpacked)},
        )


def _paragraph_texts(document):
    """Texts of the body's paragraphs, and of the paragraphs in its tables, in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_texts(item)
        else:
            yield item.text


def _table_texts(table):
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield paragraph.text
            for nested in cell.tables:
                yield from _table_texts(nested)
