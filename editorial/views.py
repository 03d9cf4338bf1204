"""Previews: a story exactly as the public page will show it, before it is published."""

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from articles.models import Article
from editorial import preview_links, rules
from news.rendering import render_article


def _preview_response(request, article):
    response = render_article(request, article, preview=True)
    # Never in a search index; never_cache keeps it out of every cache.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def preview(request, pk):
    """For the story's author and the editors; 404 for everybody else."""
    if not request.user.is_authenticated:
        # The same answer whether the story exists or not; desk members are offered the login.
        login_url = (
            reverse("admin:login") + "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        )
        return _refused(
            request,
            gettext("Page not found"),
            gettext(
                "There is no public page at this address. If you work on the newsroom's desk, "
                "log in to preview the story."
            ),
            status=404,
            login_url=login_url,
        )
    article = get_object_or_404(Article.objects.for_listing(), pk=pk)
    if not rules.can_view(request.user, article):
        raise Http404
    return _preview_response(request, article)


def _refused(request, title, message, status, login_url=""):
    response = render(
        request,
        "editorial/preview_refused.html",
        {"title": title, "message": message, "login_url": login_url},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def shared_preview(request, token):
    """A signed link an editor handed to a reviewer without an account."""
    try:
        pk = preview_links.read_token(token)
    except preview_links.PreviewLinkExpired:
        return _refused(
            request,
            gettext("This preview link has expired"),
            gettext(
                "Preview links work for a limited time. Ask the editor who sent it for a new one."
            ),
            status=403,
        )
    except preview_links.PreviewLinkInvalid:
        return _refused(
            request,
            gettext("This preview link is not valid"),
            gettext(
                "The link is incomplete or was changed. Copy the whole link from the message "
                "you received, or ask the editor for a new one."
            ),
            status=404,
        )
    article = Article.objects.for_listing().filter(pk=pk).first()
    if article is None:
        return _refused(
            request,
            gettext("This story no longer exists"),
            gettext("The story this link was made for has been deleted."),
            status=404,
        )
    response = _preview_response(request, article)
    # The token is the key to the story: links out of the page must not carry it along.
    response["Referrer-Policy"] = "no-referrer"
    return response
