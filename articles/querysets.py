from django.db import models
from django.utils import timezone

from articles import permissions


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and its publication time has come."""
        return self.filter(status="published", publish_at__lte=timezone.now())

    def scheduled(self):
        """Approved stories waiting for their publication time."""
        return self.filter(status="published", publish_at__gt=timezone.now())

    def in_review(self):
        return self.filter(status="review")

    def drafts(self):
        return self.filter(status="draft")

    def withdrawn(self):
        return self.filter(status="withdrawn")

    def visible_to(self, user):
        """The stories the user may see on the desk (articles.permissions decides)."""
        return permissions.visible_articles(user, self)

    def editable_by(self, user):
        """The stories whose copy the user may change now."""
        return permissions.editable_articles(user, self)

    def by_union(self, union):
        """Stories of the union and of all its sub-unions."""
        return self.filter(union__path__startswith=union.path)

    def by_theme(self, tag):
        return self.filter(themes=tag)

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def for_listing(self):
        """What a list of stories shows, fetched in a constant number of queries."""
        return self.select_related("union", "column").prefetch_related(
            "bylines", "themes", "photos"
        )
