from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from editorial import selectors
from editorial.formatting import changed_since_opened, zone_name

# Line and paragraph breaks of any kind: a headline is one line on the page, in an email's
# subject (where a newline made the mail library refuse the whole message) and in feeds.
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def single_line(value):
    if any(character in LINE_BREAKS for character in value):
        raise ValidationError(
            gettext("Write this on one line: it may not contain a line break."),
            code="multiline",
        )
    return value


class ArticleAdminForm(forms.ModelForm):
    """The story form; it carries the version it was loaded with and refuses lost updates."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "union",
            "genre",
            "kicker",
            "headline",
            "subheadline",
            "is_staff_report",
            "body",
            "summary",
            "themes",
            "column",
            "correction_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        # The version in the database when the save was checked, under the row lock.
        self.current_version = None

    def clean_kicker(self):
        return single_line(self.cleaned_data["kicker"])

    def clean_headline(self):
        return single_line(self.cleaned_data["headline"])

    def clean_subheadline(self):
        return single_line(self.cleaned_data["subheadline"])

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        # The admin's change view runs in one transaction: this lock holds until the save ends.
        current = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is None:
            raise ValidationError(
                gettext("This story was deleted while you were editing it."), code="deleted"
            )
        if cleaned_data.get("loaded_version") != current:
            # The next save is checked against the version in the database now: after reading
            # this message, the user decides to keep their text over the other version.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = current
            raise ValidationError(self._conflict_message(), code="edited_meanwhile")
        self.current_version = current
        return cleaned_data

    def _conflict_message(self):
        return " ".join(
            [
                changed_since_opened(selectors.last_change(self.instance)),
                gettext(
                    "Your changes are not saved yet; they are still in the form below. "
                    "Compare with the other version in the story's history: saving again "
                    "replaces it with yours."
                ),
            ]
        )


class ReasonForm(forms.Form):
    required_css_class = "required"

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
        error_messages={"required": _("Give a reason: it is recorded and the author reads it.")},
    )


class PublishTimeForm(forms.Form):
    required_css_class = "required"

    NOW = "now"
    AT = "at"

    when = forms.ChoiceField(
        label=_("When"),
        choices=[(NOW, _("Now")), (AT, _("At the time below"))],
        widget=forms.RadioSelect,
        initial=NOW,
    )
    publish_at = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].help_text = gettext(
            "%(zone)s. A time in the future schedules the story: it goes public then, by itself."
        ) % {"zone": zone_name()}

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("when") == self.AT:
            if cleaned_data.get("publish_at") is None and "publish_at" not in self.errors:
                self.add_error(
                    "publish_at",
                    ValidationError(
                        gettext("Give the publication time, or choose “Now”."), code="required"
                    ),
                )
        else:
            cleaned_data["publish_at"] = None
        return cleaned_data


class SignOffForm(forms.Form):
    required_css_class = "required"

    opinion = forms.CharField(
        label=_("Opinion (审稿意见)"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=2000,
        initial=_("Agreed."),
        error_messages={"required": _("Write your opinion: it goes on the sign-off sheet.")},
    )


class ApproveForm(PublishTimeForm):
    """The last level's sign-off: an opinion, and when the story goes public."""

    opinion = forms.CharField(
        label=_("Opinion (审稿意见)"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=2000,
        required=False,
        initial=_("Agreed."),
        help_text=_("Left empty, the sheet records “Approved.”"),
    )

    field_order = ["opinion", "when", "publish_at"]
