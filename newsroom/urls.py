from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Union news desk")
admin.site.site_title = _("Union news desk")
admin.site.index_title = _("Newsroom")

urlpatterns = [
    path("admin/import/", include("importer.urls")),
    path("admin/statistics/", include("reporting.urls")),
    path("admin/", admin.site.urls),
    path("editorial/", include("editorial.urls")),
    path("proofing/", include("proofing.urls")),
    path("search/", include("search.urls")),
    path("correspondents/", include("correspondents.urls")),
    path("", include("syndication.urls")),
    path("planning/", include("planning.urls")),
    path("", include("news.urls")),
]

if settings.DEBUG:
    # In production the web server or object storage serves media (README: Media files).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
