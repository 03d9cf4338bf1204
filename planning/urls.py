from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("calendar/<str:token>.ics", views.ical_feed, name="ical"),
]
