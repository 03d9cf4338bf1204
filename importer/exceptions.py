"""Why copy could not be imported: each error carries a translated message and a code."""

from django.utils.translation import gettext_lazy as _


class CopyImportError(Exception):
    """Copy that cannot be imported. Nothing has been written when this is raised."""

    code = "invalid"
    default_message = _("The copy could not be imported.")

    def __init__(self, message=None, *, source_name="", params=None):
        self.source_name = source_name
        self.params = {"name": source_name, **(params or {})}
        self.message = message or self.default_message
        super().__init__(str(self))

    def __str__(self):
        return str(self.message) % self.params


class UnsupportedFileTypeError(CopyImportError):
    code = "unsupported_type"
    default_message = _("“%(name)s” cannot be imported: only .txt and .docx files can.")


class OldWordFormatError(UnsupportedFileTypeError):
    code = "old_word_format"
    default_message = _(
        "“%(name)s” is an old Word document (.doc). Save it as .docx or as plain text and "
        "upload it again."
    )


class FileTooLargeError(CopyImportError):
    code = "too_large"
    default_message = _(
        "“%(name)s” is too large (%(size)s): files of up to %(limit)s can be imported."
    )


class EmptyFileError(CopyImportError):
    code = "empty"
    default_message = _("“%(name)s” is empty.")


class BinaryFileError(CopyImportError):
    code = "binary"
    default_message = _(
        "“%(name)s” is not a text file (it looks like a picture, an archive or a program). "
        "Import plain text or a Word .docx file."
    )


class UndecodableFileError(CopyImportError):
    code = "undecodable"
    default_message = _(
        "“%(name)s” could not be read: it is not text in UTF-8, GB18030 or GBK. "
        "Save it as UTF-8 text and upload it again."
    )


class NotWordFileError(CopyImportError):
    code = "not_word"
    default_message = _(
        "“%(name)s” is not a Word document, although its name ends in .docx. "
        "Open it in Word or WPS and save it again as .docx."
    )


class NoStoryFoundError(CopyImportError):
    code = "no_story"
    default_message = _(
        "No story was found in “%(name)s”. A story needs a headline on a line of its own "
        "followed by at least one paragraph."
    )


class NoUnionError(CopyImportError):
    code = "no_union"
    default_message = _(
        "No union we know is named for “%(headline)s”, and there is no union to file such "
        "stories under. Choose a union for them."
    )


class ConcurrentImportError(CopyImportError):
    code = "concurrent"
    default_message = _(
        "Somebody imported some of these stories at the same moment. Nothing was imported; "
        "please try again."
    )


class UploadTooLargeError(CopyImportError):
    code = "upload_too_large"
    default_message = _(
        "These files hold %(size)s of text; one import reads at most %(limit)s. "
        "Import them in several goes."
    )


class TooManyStoriesError(CopyImportError):
    code = "too_many_stories"
    default_message = _(
        "These files hold %(count)d stories; one import takes at most %(limit)d. "
        "Import them in several goes."
    )
    # Said when the files left were not read: the limit was passed already.
    partial_message = _(
        "The first %(files)d of these files hold %(count)d stories already; one import takes "
        "at most %(limit)d. Import them in several goes."
    )
