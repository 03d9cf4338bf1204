from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from importer import services
from importer.exceptions import CopyImportError
from importer.sources import ACCEPTED_EXTENSIONS, check_extension, check_size, max_bytes
from unions.models import Union

# Files per upload: a day's pages at most.
MAX_FILES = 20


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's "Uploading multiple files" recipe)."""

    def __init__(self, *args, **kwargs):
        accept = ",".join(ACCEPTED_EXTENSIONS)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return [clean_one(item, initial) for item in data]
        return [clean_one(data, initial)]


class UnionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, union):
        return "\u3000" * union.depth + union.name


class ImportUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        # Our own check says which file is empty, by name.
        allow_empty_file=True,
    )
    normalise_punctuation = forms.BooleanField(
        label=_("Make punctuation full-width in Chinese text"),
        required=False,
        initial=True,
        help_text=_(
            "GB/T 15834: half-width commas, colons, question marks and brackets become "
            "full-width inside Chinese sentences; numbers and Latin words stay as they are."
        ),
    )
    convert_traditional = forms.BooleanField(
        label=_("Read Traditional Chinese as Simplified"),
        required=False,
        initial=True,
        help_text=_(
            "Files in Traditional characters (or Big5) are converted with OpenCC; untick to keep "
            "the original characters."
        ),
    )
    fallback_union = UnionChoiceField(
        label=_("Union for stories that name none"),
        queryset=Union.objects.order_by("path"),
        required=False,
        help_text=_(
            "Unknown unions are never created. The preview asks for the union of each story "
            "that names none we know, proposing this one."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "Plain text (.txt in UTF-8, GB18030, GBK or Big5) or Word (.docx) files, "
            "several at once, each of at most %(limit)s."
        ) % {"limit": filesizeformat(max_bytes())}

    def clean_files(self):
        """What can be told without reading the files: their number, names and sizes.

        Reading and parsing them takes a task (importer/tasks.py); what it finds wrong is shown
        on the batch's page, with the files kept.
        """
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                _("Choose at most %(limit)d files at a time."),
                code="too_many_files",
                params={"limit": MAX_FILES},
            )
        try:
            services.check_request_size(sum(upload.size for upload in uploads))
        except CopyImportError as error:
            raise ValidationError(str(error), code=error.code) from error
        errors = []
        for upload in uploads:
            try:
                check_extension(upload.name)
                check_size(upload.name, upload.size)
            except CopyImportError as error:
                errors.append(ValidationError(str(error), code=error.code))
        if errors:
            raise ValidationError(errors)
        return uploads
