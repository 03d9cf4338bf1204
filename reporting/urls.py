from django.contrib import admin
from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("", admin.site.admin_view(views.statistics_page), name="statistics"),
    path("export.xlsx", admin.site.admin_view(views.export_xlsx), name="export"),
    path("bulletin/", admin.site.admin_view(views.bulletin), name="bulletin"),
]
