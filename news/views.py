from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from articles.models import Article, Column
from unions.models import Union


def render_article(request, article, *, preview=False):
    """The public story page; the editorial preview renders it too, so both look the same."""
    return render(request, "news/article_detail.html", {"article": article, "preview": preview})


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.for_listing(), pk=pk)
    if article.status == Article.Status.WITHDRAWN:
        return render(request, "news/withdrawn.html", {"article": article}, status=410)
    if not article.is_published():
        raise Http404
    return render_article(request, article)


def union_detail(request, slug):
    union = get_object_or_404(Union.objects.active(), slug=slug)
    articles = Article.objects.published().by_union(union).for_listing().newest_first()
    return render(request, "news/article_list.html", {"title": union.name, "articles": articles})


def theme_detail(request, slug):
    theme = get_object_or_404(Tag, slug=slug)
    articles = Article.objects.published().by_theme(theme).for_listing().newest_first()
    return render(request, "news/article_list.html", {"title": theme.name, "articles": articles})


def column_detail(request, slug):
    column = get_object_or_404(Column, slug=slug)
    articles = column.articles.published().for_listing().newest_first()
    return render(request, "news/article_list.html", {"title": column.name, "articles": articles})
