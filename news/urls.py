from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("news/<int:pk>/", views.article_detail, name="article"),
    path("unions/<slug:slug>/", views.union_detail, name="union"),
    # Theme and column slugs keep their Chinese characters, which <slug:> refuses.
    path("themes/<str:slug>/", views.theme_detail, name="theme"),
    path("columns/<str:slug>/", views.column_detail, name="column"),
]
