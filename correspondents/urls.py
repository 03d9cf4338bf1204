from django.contrib.auth import views as auth_views
from django.urls import path

from correspondents import views

app_name = "correspondents"

urlpatterns = [
    path("file/", views.file_logged_in, name="file_logged_in"),
    path("file/<str:token>/", views.file_by_link, name="file"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="correspondents/login.html",
            next_page="correspondents:file_logged_in",
        ),
        name="login",
    ),
]
