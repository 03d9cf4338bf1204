from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from editorial import search_hook
        from search import signals  # noqa: F401  (connects the receivers)
        from search.selectors import desk_search

        # The desk's story list searches through the search index.
        search_hook.register(desk_search)
