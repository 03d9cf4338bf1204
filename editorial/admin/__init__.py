"""The review desk in Django's admin: the story admin, registered here, and its parts."""

from django.contrib import admin

from articles.models import Article
from editorial.admin import policies  # noqa: F401  (registers the review policies)
from editorial.admin.article import ArticleAdmin

admin.site.register(Article, ArticleAdmin)
