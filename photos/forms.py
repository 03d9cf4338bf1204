from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from photos import validation
from photos.models import Photo
from photos.processing import clean_original


def _upload_help(several=False):
    text = _("%(formats)s, at most %(limit)s. %(processing)s") % {
        "formats": validation.accepted_formats_label(),
        "limit": filesizeformat(validation.max_bytes()),
        "processing": Photo._meta.get_field("image").help_text,
    }
    if several:
        text += " " + _("Choose several photos at once to get a row for each.")
    return text


upload_help = lazy(_upload_help, str)


class PhotoImageField(forms.FileField):
    """A photo upload, checked by its content and cleaned before anything is stored.

    Its value is the cleaned original (photos.processing.StoredOriginal), so the photo is
    decoded once per upload, here, and the model stores it as it is.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", Photo._meta.get_field("image").verbose_name)
        kwargs.setdefault("help_text", upload_help())
        # The stored name is made afresh, so the length of the phone's file name does not matter.
        kwargs["max_length"] = None
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.setdefault("accept", validation.accepted_content_types())
        return attrs

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        image = validation.open_verified_image(upload)
        return clean_original(image, name=upload.name)


class PhotoForm(forms.ModelForm):
    image = PhotoImageField()

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt_text", "position", "is_lead"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 3, "cols": 60})}


class PhotoInlineForm(PhotoForm):
    """A photo row on the story's page, where several photos may be chosen at once."""

    image = PhotoImageField(
        help_text=upload_help(several=True),
        # photos/admin/several_photos.js spreads several chosen files over new rows.
        widget=forms.ClearableFileInput(attrs={"data-several-photos": ""}),
    )


class PhotoInlineFormSet(forms.BaseInlineFormSet):
    """A story's photos, edited together: at most one of them may be the lead."""

    def clean(self):
        super().clean()
        leads = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_lead")
            and not self._should_delete_form(form)
            and (form.instance.pk or form.has_changed())
        ]
        if len(leads) > 1:
            raise ValidationError(
                _("Only one photo can be the lead photo: untick “lead photo” on all but one."),
                code="several_leads",
            )

    def save(self, commit=True):
        if commit:
            # A lead flag that moves from one photo to another is cleared first, so the
            # database's one-lead rule never sees two leads, whatever order the rows are saved.
            leaving = [
                form.instance.pk
                for form in self.initial_forms
                if form.initial.get("is_lead")
                and (self._should_delete_form(form) or not form.cleaned_data.get("is_lead"))
            ]
            if leaving:
                Photo.objects.filter(pk__in=leaving).update(is_lead=False)
        return super().save(commit)
