from django.urls import path

from editorial import views

app_name = "editorial"

urlpatterns = [
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
]
