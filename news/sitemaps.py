"""The sitemap: every published story, union, theme and column page, and the sections."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Column
from news.selectors import THEME_ITEMS
from unions.models import Union


class StorySitemap(Sitemap):
    def items(self):
        return Article.objects.published().newest_first().only("pk", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class UnionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Union.objects.active().order_by("path").only("pk", "slug")


class ThemeSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        published = Article.objects.published().values("pk")
        return (
            Tag.objects.filter(**{f"{THEME_ITEMS}__content_object__in": published})
            .distinct()
            .order_by("name")
        )

    def location(self, theme):
        return reverse("news:theme", kwargs={"slug": theme.slug})


class ColumnSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Column.objects.order_by("name")


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["news:home", "news:union_index", "news:photos"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sections": SectionSitemap,
    "stories": StorySitemap,
    "unions": UnionSitemap,
    "themes": ThemeSitemap,
    "columns": ColumnSitemap,
}
