from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.formatting import zone_name
from editorial.forms import ReasonForm
from planning.coverage import DAY_CHOICES, DEFAULT_DAYS

DATETIME_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


def possible_assignees():
    """Active desk users who may file stories (through a group, directly, or as superusers)."""
    may_file = Q(is_superuser=True)
    for prefix in ("groups__permissions", "user_permissions"):
        may_file |= Q(
            **{
                f"{prefix}__codename": "add_article",
                f"{prefix}__content_type__app_label": "articles",
            }
        )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(may_file)
        .distinct()
        .order_by("first_name", "username")
    )


class AssigneeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssignForm(forms.Form):
    required_css_class = "required"

    assignee = AssigneeChoiceField(label=_("Assignee"), queryset=None)
    due_at = forms.DateTimeField(
        label=_("Due"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=DATETIME_INPUT_FORMATS,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = possible_assignees()
        self.fields["due_at"].help_text = zone_name()


class DropForm(ReasonForm):
    """The desk's reason form; the proposer, not an author, reads this reason."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = gettext(
            "Give a reason: it is recorded and the proposer reads it."
        )


class StoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.headline} ({obj.get_status_display()})"


class LinkStoryForm(forms.Form):
    """One of the user's own stories that no assignment has yet."""

    required_css_class = "required"

    article = StoryChoiceField(label=_("Your story"), queryset=None)

    def __init__(self, *args, user=None, **kwargs):
        from articles.models import Article

        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = (
            Article.objects.filter(created_by=user, assignment__isnull=True)
            .exclude(status=Article.Status.WITHDRAWN)
            .order_by("-created_at")
        )


class CalendarForm(forms.Form):
    """The calendar's query string; anything wrong is reported and today's month shown."""

    month = forms.DateField(required=False, input_formats=["%Y-%m"])
    week = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    view = forms.ChoiceField(
        required=False, choices=[("month", "month"), ("week", "week"), ("list", "list")]
    )
    days = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=DEFAULT_DAYS,
        choices=[(str(days), str(days)) for days in DAY_CHOICES],
    )
