from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from news import feeds, views
from news.cache import cache_for_readers
from news.sitemaps import SITEMAPS


class UnicodeSlugConverter:
    """A theme's or column's slug, which keeps its Chinese characters (<slug:> refuses them).

    Any character but "/" and control characters: a NUL byte in an address would otherwise
    reach PostgreSQL, which refuses it with an error instead of a "not found".
    """

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("news/<int:pk>/", views.article_detail, name="article"),
    path("unions/", views.union_index, name="union_index"),
    path("unions/<slug:slug>/", views.union_detail, name="union"),
    path("unions/<slug:slug>/feed/", cache_for_readers(feeds.UnionFeed()), name="union_feed"),
    path("themes/<unicode_slug:slug>/", views.theme_detail, name="theme"),
    path(
        "themes/<unicode_slug:slug>/feed/", cache_for_readers(feeds.ThemeFeed()), name="theme_feed"
    ),
    path("columns/<unicode_slug:slug>/", views.column_detail, name="column"),
    path(
        "columns/<unicode_slug:slug>/feed/",
        cache_for_readers(feeds.ColumnFeed()),
        name="column_feed",
    ),
    path("feeds/", views.feed_index, name="feeds"),
    path("feeds/atom.xsl", views.feed_stylesheet, name="feed_stylesheet"),
    path("photos/", views.photo_gallery, name="photos"),
    path("feeds/latest/", cache_for_readers(feeds.LatestStoriesFeed()), name="latest_feed"),
    path("sitemap.xml", cache_for_readers(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]
