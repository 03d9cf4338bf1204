from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from search.segmentation import QUERY_MAX_LENGTH, blank_control_characters
from search.selectors import themes_with_published_stories, unions_with_published_stories
from unions.models import Union


class QueryField(forms.CharField):
    """The search words as typed. Control characters (a NUL byte, say) become spaces instead of
    an error, so that whatever a reader pastes is searched for."""

    def to_python(self, value):
        return " ".join(blank_control_characters(super().to_python(value)).split())


class SlugChoiceField(forms.ModelChoiceField):
    """A choice of row by slug; a value no slug could hold is refused before any query."""

    def to_python(self, value):
        if value and blank_control_characters(value) != value:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class SearchForm(forms.Form):
    q = QueryField(label=_("Search for"), required=False)
    union = SlugChoiceField(
        label=_("Union"),
        queryset=Union.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All unions"),
        error_messages={
            "invalid_choice": _("There is no such union; the results come from all unions.")
        },
    )
    theme = SlugChoiceField(
        label=_("Theme"),
        queryset=Tag.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
        error_messages={
            "invalid_choice": _("There is no such theme; the results come from all themes.")
        },
    )

    max_query_length = QUERY_MAX_LENGTH

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what published stories use is accepted: a filter must not confirm that a draft's
        # theme (or a union's unpublished work) exists. Built per form: "published" is now.
        self.fields["union"].queryset = unions_with_published_stories()
        self.fields["theme"].queryset = themes_with_published_stories()

    def search_filters(self):
        """The valid filters; an invalid one is left out (its error tells the reader so)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {"union": cleaned.get("union"), "theme": cleaned.get("theme")}
