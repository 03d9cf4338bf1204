from django.contrib.sitemaps.views import sitemap
from django.urls import path

from news import feeds, views
from news.cache import cache_for_readers
from news.sitemaps import SITEMAPS

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("news/<int:pk>/", views.article_detail, name="article"),
    path("unions/", views.union_index, name="union_index"),
    path("unions/<slug:slug>/", views.union_detail, name="union"),
    path("unions/<slug:slug>/feed/", cache_for_readers(feeds.UnionFeed()), name="union_feed"),
    # Theme and column slugs keep their Chinese characters, which <slug:> refuses.
    path("themes/<str:slug>/", views.theme_detail, name="theme"),
    path("themes/<str:slug>/feed/", cache_for_readers(feeds.ThemeFeed()), name="theme_feed"),
    path("columns/<str:slug>/", views.column_detail, name="column"),
    path("photos/", views.photo_gallery, name="photos"),
    path("feeds/latest/", cache_for_readers(feeds.LatestStoriesFeed()), name="latest_feed"),
    path("sitemap.xml", cache_for_readers(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
