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
        """Stories of the union and of all its sub-unions (see in_unions)."""
        from unions.models import Union

        return self.in_unions(Union.objects.subtree(union).values_list("pk", flat=True))

    def in_unions(self, union_ids):
        """Stories of these unions: a union's subtree, named by its ids.

        The subtree's ids are read first and named in the condition. Joined to the unions by
        path, the condition told PostgreSQL nothing of how many stories the subtree has: for a
        union of thirty old stories among 100,000 it walked the site's newest stories until it
        had found twenty (90 ms). With the ids, it reads a small union's stories from its own
        index, and walks the newest stories only for a subtree that holds many of them.
        """
        return self.filter(union_id__in=list(union_ids))

    def by_theme(self, tag):
        return self.filter(themes=tag)

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def for_listing(self):
        """What a list of stories shows, fetched in a constant number of queries."""
        return self.select_related("union", "column").prefetch_related(
            "bylines", "themes", "photos"
        )
