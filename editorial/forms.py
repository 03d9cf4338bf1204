from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.body import split_staff_dateline
from articles.models import STAFF_REPORT_DATELINE, Article, ArticleTheme
from editorial import selectors
from editorial.formatting import changed_since_opened, local_time, zone_name

# A publication time this close ahead is "now": scheduling a story for four minutes' time only
# delays it. Times are typed to the minute, so the current minute counts as now too.
NEAR_ENOUGH_TO_NOW = timedelta(minutes=5)
TYPING_PRECISION = timedelta(minutes=1)
# How many existing themes the form offers as suggestions (the most used first).
THEME_SUGGESTIONS = 300

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
        # Whether clean_body moved a typed 本报讯 into the staff-report flag.
        self.dateline_moved = False
        if "themes" in self.fields:
            themes = self.fields["themes"]
            themes.help_text = _(
                "Themes readers follow. Separate them with 、 ， ； commas or spaces; "
                "choose an existing theme from the suggestions rather than typing a near twin."
            )
            themes.widget.attrs.update(
                {"data-theme-suggestions": "|".join(theme_suggestions()), "autocomplete": "off"}
            )

    def clean_body(self):
        body, moved = split_staff_dateline(self.cleaned_data.get("body"), STAFF_REPORT_DATELINE)
        if moved:
            self.dateline_moved = True
        return body

    def _post_clean(self):
        if self.dateline_moved:
            self.cleaned_data["is_staff_report"] = True
        super()._post_clean()

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

    @classmethod
    def for_article(cls, article, initial=None):
        return cls(initial=initial or {})

    def transition_options(self):
        return {"reason": self.cleaned_data["reason"]}


def theme_suggestions():
    """Existing theme names, the most used first, for the theme field's suggestions."""
    used = (
        Tag.objects.filter(pk__in=ArticleTheme.objects.values("tag_id"))
        .annotate(uses=Count("articles_articletheme_items"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)
    )
    return list(used[:THEME_SUGGESTIONS])


class PublishTimeForm(forms.Form):
    """When an approved story goes public: now, or at a time typed in Beijing time.

    A time typed with "now" chosen is ambiguous and asked about; a time in the past needs the
    editor's confirmation (the story would carry that date and sit below newer stories); a time
    under five minutes ahead is now.
    """

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

    confirm_past = forms.BooleanField(
        label=_("Publish with this earlier date"),
        required=False,
    )

    def __init__(self, *args, current=None, **kwargs):
        """current: the story's publication time now (a scheduled story's), shown to change."""
        if current is not None:
            kwargs.setdefault(
                "initial",
                {"when": self.AT, "publish_at": timezone.localtime(current).replace(second=0)},
            )
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].help_text = gettext(
            "%(zone)s. A time in the future schedules the story: it goes public then, by itself."
        ) % {"zone": zone_name()}
        # Asked only once a past time was typed (see clean).
        self.asks_about_the_past = False

    def clean(self):
        cleaned_data = super().clean()
        when = cleaned_data.get("when")
        publish_at = cleaned_data.get("publish_at")
        if "publish_at" in self.errors:
            return cleaned_data
        if when == self.NOW:
            if publish_at is not None:
                self.add_error(
                    "when",
                    ValidationError(
                        gettext(
                            "You chose “Now” but typed a time (%(time)s). Choose “At the time "
                            "below” to publish at that time, or clear the time to publish now."
                        )
                        % {"time": local_time(publish_at)},
                        code="ambiguous",
                    ),
                )
            return cleaned_data
        if when != self.AT:
            return cleaned_data
        if publish_at is None:
            self.add_error(
                "publish_at",
                ValidationError(
                    gettext("Give the publication time, or choose “Now”."), code="required"
                ),
            )
            return cleaned_data
        now = timezone.now()
        if now - TYPING_PRECISION <= publish_at < now + NEAR_ENOUGH_TO_NOW:
            cleaned_data["publish_at"] = None
        elif publish_at < now and not cleaned_data.get("confirm_past"):
            self.asks_about_the_past = True
            self.add_error("confirm_past", self._past_time_question(publish_at))
        return cleaned_data

    def _past_time_question(self, publish_at):
        newer = Article.objects.published().filter(publish_at__gt=publish_at).count()
        values = {"time": local_time(publish_at), "count": newer}
        if newer:
            question = ngettext(
                "%(time)s has passed. Readers will see that date on the story, and the lists "
                "will show it below the %(count)d story published since: it will not appear "
                "among the latest news. Tick the box to publish with this date, or change the "
                "time.",
                "%(time)s has passed. Readers will see that date on the story, and the lists "
                "will show it below the %(count)d stories published since: it will not appear "
                "among the latest news. Tick the box to publish with this date, or change the "
                "time.",
                newer,
            )
        else:
            question = gettext(
                "%(time)s has passed. Readers will see that date on the story. Tick the box to "
                "publish with this date, or change the time."
            )
        return ValidationError(question % values, code="past")

    @classmethod
    def for_article(cls, article, initial=None):
        """Answers given in the address (the calendar's), or a scheduled story's time to change."""
        if initial:
            return cls(initial=initial)
        return cls(current=article.publish_at if article.is_scheduled() else None)

    def transition_options(self):
        """The transition's keyword arguments: publish_at (None for now)."""
        return {"publish_at": self.cleaned_data.get("publish_at")}


class SignOffForm(forms.Form):
    required_css_class = "required"

    opinion = forms.CharField(
        label=_("Opinion (审稿意见)"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=2000,
        initial=_("Agreed."),
        error_messages={"required": _("Write your opinion: it goes on the sign-off sheet.")},
    )

    @classmethod
    def for_article(cls, article, initial=None):
        return cls(initial=initial or {})

    def transition_options(self):
        return {"opinion": self.cleaned_data["opinion"]}


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

    field_order = ["opinion", "when", "publish_at", "confirm_past"]

    def transition_options(self):
        return {**super().transition_options(), "opinion": self.cleaned_data.get("opinion", "")}
