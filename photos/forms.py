from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from photos import validation
from photos.models import Photo
from photos.processing import StoredOriginal, clean_original


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


class PhotoFileInput(forms.ClearableFileInput):
    """The file input, saying so when a good photo was chosen but the page came back unsaved.

    A browser never fills a file input again: when another field of the page (a byline, the
    story's text, a newer version saved meanwhile) sends the form back, the chosen file is gone
    and has to be chosen again. Nothing of it was stored.
    """

    template_name = "photos/widgets/photo_file_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.unsaved_choice = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["unsaved_choice"] = self.unsaved_choice
        return context


class PhotoImageField(forms.FileField):
    """A photo upload, checked by its content and cleaned before anything is stored.

    Its value is the cleaned original (photos.processing.StoredOriginal), so the photo is
    decoded once per upload, here, and the model stores it as it is.
    """

    widget = PhotoFileInput

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

    def clean_image(self):
        image = self.cleaned_data["image"]
        if isinstance(image, StoredOriginal):
            # Shown only if the page comes back with errors elsewhere: then it was not saved.
            upload = self.files.get(self.add_prefix("image"))
            self.fields["image"].widget.unsaved_choice = getattr(upload, "name", "") or image.name
        return image


class PhotoInlineForm(PhotoForm):
    """A photo row on the story's page, where several photos may be chosen at once."""

    image = PhotoImageField(
        help_text=upload_help(several=True),
        # photos/admin/several_photos.js spreads several chosen files over new rows;
        # photos/admin/camera.js adds a button that opens the phone's camera.
        widget=PhotoFileInput(
            attrs={"data-several-photos": "", "data-camera-label": _("Take a photo")}
        ),
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
