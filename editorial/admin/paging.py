"""Paging the desk's story list at 100,000 stories.

A deep page (?p=900) would make the database fetch and discard every story before it. The
page's ids are read first from the list's index alone (an index-only scan of -updated_at, id),
then only those stories are fetched with their columns. A search's total stops at
SEARCH_COUNT_LIMIT: a word found in nearly every story would otherwise be counted in full.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

SEARCH_COUNT_LIMIT = 1000


class DeskPaginator(Paginator):
    def __init__(self, *args, capped=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.capped = capped

    @cached_property
    def count(self):
        if not self.capped:
            return super().count
        return self.object_list.order_by().values("pk")[:SEARCH_COUNT_LIMIT].count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)
