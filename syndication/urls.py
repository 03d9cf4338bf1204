from django.urls import path

from syndication import views

app_name = "syndication"

urlpatterns = [
    path("api/ninjs/", views.story_list, name="ninjs_list"),
    path("api/ninjs/<int:pk>/", views.story_detail, name="ninjs_detail"),
    path("editorial/stories/<int:pk>/word/", views.story_docx, name="story_docx"),
    path("editorial/stories/<int:pk>/wechat/", views.story_wechat, name="story_wechat"),
]
