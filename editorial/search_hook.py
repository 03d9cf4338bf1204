"""How the desk's story list searches, plugged in by the search app at start-up.

The desk knows nothing of the apps above it: search/apps.py registers a function that filters
the list's queryset through the search index. Without one, the admin's own search runs (a LIKE
over the search_fields).
"""

_desk_search = None


def register(function):
    """function(queryset, search_term) -> the stories of queryset matching search_term."""
    global _desk_search
    _desk_search = function


def registered():
    return _desk_search
