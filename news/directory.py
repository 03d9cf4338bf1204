"""The union directory: what a union's public page needs of the union tree, held in each process.

A union's page shows the union, the active unions above it (breadcrumbs) and under it, and lists
the stories of its whole subtree. Read per request, that was four queries (a third of an uncached
union page's time). The tree changes only when a union is saved or deleted, and that renews the
site token (news.cache). So each process reads all unions in one query the first time it meets a
site token, and answers from memory until the token changes.

A directory is tagged with the token read before its rows, so it is never taken for newer than
they are; its rows come from the primary database, never from a replica still behind the change.
The Union instances it holds are shared by every request of the process: nothing may set
attributes on them (a page's story counts live on per-request copies, see `sub_unions`).
Breadcrumbs show the active unions above, as news.rendering.public_ancestors does for a story.
"""

import threading
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse

from newsroom.replicas import primary_reads
from unions.models import Union


@dataclass(eq=False)
class UnionEntry:
    """One union as its public page and its neighbours' pages show it."""

    union: Union
    parent: "UnionEntry | None" = None
    children: list = field(default_factory=list)  # active ones, in the tree's order
    subtree_ids: tuple = ()  # itself and every union under it, active or not

    # Reversed once per directory, when first shown: a federation may have thousands of unions.
    @cached_property
    def url(self):
        return reverse("news:union", kwargs={"slug": self.union.slug})

    @cached_property
    def feed_url(self):
        return reverse("news:union_feed", kwargs={"slug": self.union.slug})

    def get_absolute_url(self):
        return self.url

    def __getattr__(self, name):
        # The union's own fields (name, label, slug, path, description …) as the templates read
        # them. Only called for what the entry itself does not have.
        if name.startswith("__") or name == "union":
            raise AttributeError(name)
        return getattr(self.union, name)

    @property
    def ancestors(self):
        """The active unions above this one, from the root down (the breadcrumbs)."""
        above = []
        entry = self.parent
        while entry is not None:
            if entry.union.is_active:
                above.append(entry)
            entry = entry.parent
        return above[::-1]


@dataclass
class CountedEntry:
    """A union listed with the number of stories under it: a per-request copy of the entry."""

    entry: UnionEntry
    story_count: int

    def __getattr__(self, name):
        if name.startswith("__") or name == "entry":
            raise AttributeError(name)
        return getattr(self.entry, name)


class Directory:
    def __init__(self, unions):
        unions = list(unions)  # in path order: a parent comes before its children
        entries = {union.pk: UnionEntry(union=union) for union in unions}
        self._active_by_slug = {
            union.slug: entries[union.pk] for union in unions if union.is_active
        }
        subtrees = {pk: [] for pk in entries}
        for union in unions:
            entry = entries[union.pk]
            entry.parent = entries.get(union.parent_id)
            if entry.parent is not None and union.is_active:
                entry.parent.children.append(entry)
            for segment in union.path.strip("/").split("/"):
                above = int(segment)
                if above in subtrees:
                    subtrees[above].append(union.pk)
        for pk, entry in entries.items():
            entry.subtree_ids = tuple(subtrees[pk])
            entry.children.sort(key=lambda child: child.union.sibling_key)

    def active(self, slug):
        """The active union with this slug, or None."""
        return self._active_by_slug.get(slug)

    def sub_unions(self, entry, counts_by_path):
        """The entry's active direct sub-unions, each with the stories of its subtree."""
        return [CountedEntry(child, counts_by_path.get(child.path, 0)) for child in entry.children]


_lock = threading.Lock()
_current = (None, None)  # (site token, Directory)


def union_directory(site_token):
    """The directory as of this site token, read from the database once per token and process."""
    global _current
    token, directory = _current
    if token == site_token:
        return directory
    with _lock:
        token, directory = _current
        if token != site_token:
            with primary_reads():
                directory = Directory(Union.objects.order_by("path"))
            _current = (site_token, directory)
    return directory
