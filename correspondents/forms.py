from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from correspondents.models import Filing
from photos.forms import PhotoImageField
from photos.processing import StoredOriginal
from unions.models import Union

PHOTO_SLOTS = 6
# Photos shown open on the page; the others sit behind "more photos".
OPEN_PHOTO_SLOTS = 2
MAX_BODY_CHARACTERS = 30_000


class FilingForm(forms.Form):
    """The phone-first filing form: copy, union, genre, co-authors and up to six photos."""

    headline = forms.CharField(
        label=_("Headline"), max_length=Filing._meta.get_field("headline").max_length
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Leave a blank line between paragraphs. A line starting with “## ” is an "
            "intertitle (小标题). Formatting from Word or WeChat is not kept."
        ),
    )
    union = forms.ModelChoiceField(label=_("Union"), queryset=Union.objects.none())
    genre = forms.ChoiceField(label=_("Genre"), choices=Article.Genre.choices)
    coauthors = forms.CharField(
        label=_("Co-authors"),
        required=False,
        max_length=Filing._meta.get_field("coauthors").max_length,
        help_text=_("Other correspondents who wrote it, separated by spaces."),
    )

    def __init__(self, *args, correspondent, **kwargs):
        kwargs.setdefault("initial", {"union": correspondent.union_id, "genre": "news"})
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.active().tree_order()
        for slot in range(1, PHOTO_SLOTS + 1):
            self.fields[f"photo_{slot}"] = PhotoImageField(
                label=_("Photo %(number)s") % {"number": slot}, required=False
            )
            self.fields[f"caption_{slot}"] = forms.CharField(
                label=_("Caption of photo %(number)s") % {"number": slot},
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        cleaned = super().clean()
        for slot in range(1, PHOTO_SLOTS + 1):
            lonely_caption = cleaned.get(f"caption_{slot}") and not cleaned.get(f"photo_{slot}")
            if lonely_caption and f"photo_{slot}" not in self.errors:
                self.add_error(
                    f"photo_{slot}",
                    ValidationError(
                        _("A caption without a photo: choose the photo it describes."),
                        code="caption_without_photo",
                    ),
                )
        if cleaned.get("genre") == Article.Genre.PHOTO and not self.photos():
            self.add_error(
                "genre",
                ValidationError(_("Photo news needs at least one photo."), code="photo_needed"),
            )
        return cleaned

    def photos(self):
        """(cleaned original, caption) pairs in slot order."""
        return [
            (self.cleaned_data[f"photo_{slot}"], self.cleaned_data.get(f"caption_{slot}", ""))
            for slot in range(1, PHOTO_SLOTS + 1)
            if isinstance(self.cleaned_data.get(f"photo_{slot}"), StoredOriginal)
        ]

    def photo_slots(self):
        return [
            (slot, self[f"photo_{slot}"], self[f"caption_{slot}"])
            for slot in range(1, PHOTO_SLOTS + 1)
        ]

    def note_unsaved_photos(self):
        """Say which good photos must be chosen again: a browser never refills a file input."""
        for slot in range(1, PHOTO_SLOTS + 1):
            if isinstance(self.cleaned_data.get(f"photo_{slot}"), StoredOriginal):
                upload = self.files.get(f"photo_{slot}")
                self.fields[f"photo_{slot}"].widget.unsaved_choice = getattr(upload, "name", "")


class DeskMemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        full_name = user.get_full_name()
        return f"{full_name}({user.get_username()})" if full_name else user.get_username()


class DecisionForm(forms.Form):
    """The queue's accept form: who on the desk takes the draft."""

    assignee = DeskMemberChoiceField(label=_("Editor in charge"), queryset=None)

    def __init__(self, *args, editors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = editors


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The correspondent reads it on their page and in the email. The filing's photos "
            "are deleted."
        ),
    )
