"""Previews: a story exactly as the public page will show it, before it is published."""

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from articles.models import Article
from editorial import preview_links, rules
from editorial.formatting import local_time
from editorial.models import PreviewLink
from news.rendering import render_article


def _preview_response(request, article, preview_note=(), share_card=True):
    response = render_article(
        request, article, preview=True, preview_note=preview_note, share_card=share_card
    )
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
        return _expired(request)
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
    link = PreviewLink.objects.select_related("shown_version__revision").filter(pk=pk).first()
    if link is None:
        # Deleting a story deletes its links.
        return _refused(
            request,
            gettext("This story no longer exists"),
            gettext("The story this link was made for has been deleted."),
            status=404,
        )
    if link.revoked_at is not None:
        return _refused(
            request,
            gettext("This preview link was revoked"),
            gettext("The editor who sent it has withdrawn it. Ask them for a new one if needed."),
            status=410,
        )
    if link.expires_at <= timezone.now():
        return _expired(request)
    article = Article.objects.for_listing().get(pk=link.article_id)
    if article.status == Article.Status.WITHDRAWN:
        return _refused(
            request,
            gettext("This story was withdrawn"),
            gettext("The newsroom withdrew this story; its preview link no longer works."),
            status=410,
        )
    current = preview_links.snapshot(article)
    try:
        article = preview_links.as_saved(article, link.shown_version)
    except preview_links.VersionMissing:
        # Never the story's current text instead: the link was not made for it.
        return _refused(
            request,
            gettext("This version is no longer kept"),
            gettext(
                "The version of the story this link was made for is no longer in the "
                "newsroom's history. Ask the editor who sent it for a new link."
            ),
            status=404,
        )
    response = _preview_response(
        request,
        article,
        preview_note=_version_note(link, changed=current != preview_links.snapshot(article)),
        share_card=False,
    )
    # The token is the key to the story: links out of the page must not carry it along.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _expired(request):
    return _refused(
        request,
        gettext("This preview link has expired"),
        gettext("Preview links work for a limited time. Ask the editor who sent it for a new one."),
        status=403,
    )


def _version_note(link, *, changed):
    """Lines saying which version the reader sees, and whether a newer one exists (without
    its text)."""
    lines = [
        gettext("This link shows the version saved on %(time)s.")
        % {"time": local_time(link.shown_version.revision.date_created)}
    ]
    if changed:
        lines.append(
            gettext(
                "The story has been changed since; this link does not show the changes. Ask "
                "the editor for a new link to read the newer version."
            )
        )
    lines.append(gettext("Photos and themes are shown as they are now."))
    return lines
