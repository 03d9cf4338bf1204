from django.urls import path

from proofing import views

app_name = "proofing"

urlpatterns = [
    path("<int:pk>/round/", views.finish_round, name="round"),
    path("<int:pk>/override/", views.override, name="override"),
    path("<int:pk>/sheet/", views.sheet, name="sheet"),
    path("sheets/", views.day_sheets, name="day_sheets"),
]
