"""The story list's filters: the desk's statuses, my stories, a union with its sub-unions,
author and theme.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, ArticleTheme
from editorial import desk_status
from editorial.desk_status import DeskStatus
from editorial.formatting import display_name
from unions.models import Union


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return DeskStatus.choices

    def queryset(self, request, queryset):
        if self.value() in DeskStatus.values:
            return desk_status.filter_by(queryset, self.value())
        return queryset


class MyStoriesFilter(admin.SimpleListFilter):
    title = _("my stories")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("My stories"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(created_by=request.user)
        return queryset


class UnionFilter(admin.SimpleListFilter):
    """A union with all its sub-unions: a city's desk sees its counties' and enterprises' copy."""

    title = _("union (with its sub-unions)")
    parameter_name = "union"

    def lookups(self, request, model_admin):
        self.unions = {str(union.pk): union for union in Union.objects.order_by("path")}
        # Full-width spaces indent the tree; they survive the admin's escaping.
        return [(pk, "\u3000" * union.depth + union.name) for pk, union in self.unions.items()]

    def queryset(self, request, queryset):
        union = self.unions.get(self.value() or "")
        return queryset.by_union(union) if union is not None else queryset


class AuthorFilter(admin.SimpleListFilter):
    """The desk accounts that filed stories, by the names the desk knows them by."""

    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        authors = get_user_model().objects.filter(
            pk__in=Article.objects.filter(created_by__isnull=False).values("created_by")
        )
        named = [(str(user.pk), display_name(user)) for user in authors]
        return sorted(named, key=lambda item: item[1])

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(created_by_id=int(self.value()))
        return queryset


class ThemeFilter(admin.SimpleListFilter):
    title = _("theme")
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        used = Tag.objects.filter(pk__in=ArticleTheme.objects.values("tag_id")).order_by("name")
        return [(tag.slug, tag.name) for tag in used]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(themes__slug=self.value())
        return queryset
