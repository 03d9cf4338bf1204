"""Review policies in the admin: which levels a story needs and which group signs each."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from editorial.models import ReviewPolicy, ReviewStep


class ReviewStepInline(admin.TabularInline):
    model = ReviewStep
    extra = 0
    min_num = 1
    fields = ["level", "group"]


class ReviewPolicyForm(forms.ModelForm):
    genres = forms.MultipleChoiceField(
        label=_("genres"),
        choices=Article.Genre.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Stories of these genres follow this policy (unless their union has one)."),
    )

    class Meta:
        model = ReviewPolicy
        fields = ["name", "genres", "unions", "is_default", "proofreading_rounds"]


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(admin.ModelAdmin):
    form = ReviewPolicyForm
    inlines = [ReviewStepInline]
    list_display = ["name", "levels_column", "genres_column", "is_default"]
    filter_horizontal = ["unions"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("steps__group")

    @admin.display(description=_("levels"))
    def levels_column(self, policy):
        return " → ".join(str(step) for step in policy.steps.all())

    @admin.display(description=_("genres"))
    def genres_column(self, policy):
        labels = dict(Article.Genre.choices)
        return ", ".join(str(labels.get(genre, genre)) for genre in policy.genres) or "—"
