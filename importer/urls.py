from django.contrib import admin
from django.urls import path

from importer import views

app_name = "importer"

urlpatterns = [
    path("", admin.site.admin_view(views.upload), name="upload"),
    path("<int:pk>/", admin.site.admin_view(views.preview), name="preview"),
]
