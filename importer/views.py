"""The admin's "Import copy" page: upload files, see the stories found, confirm."""

import secrets

from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import Article, Byline
from editorial import rules
from importer import services
from importer.exceptions import CopyImportError
from importer.forms import ImportUploadForm
from importer.sources import CopySource
from importer.union_matching import MATCHED
from unions.models import Union

IMPORT_PERMISSION = "articles.add_article"
# The decoded files wait in the session between the preview and the confirmation, so that
# the editor confirms exactly the copy previewed without uploading it again.
SESSION_KEY = "importer_previews"
# Previews kept per session: a few open browser tabs, without letting the session grow.
MAX_PREVIEWS = 3


def upload(request):
    _require_permission(request)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            token = _store_preview(request, form)
            return redirect("importer:preview", token=token)
    else:
        form = ImportUploadForm(
            user=request.user, initial={"fallback_union": services.default_fallback_union()}
        )
    return render(
        request,
        "importer/upload.html",
        {**_admin_context(request), "title": _("Import copy"), "form": form},
    )


def preview(request, token):
    _require_permission(request)
    stored = request.session.get(SESSION_KEY, {}).get(token)
    if stored is None:
        messages.error(
            request,
            _("This preview has expired or was confirmed already. Upload the files again."),
        )
        return redirect("importer:upload")
    options = {
        "files": [CopySource.from_dict(source) for source in stored["sources"]],
        "user": request.user,
        "normalise_punctuation": stored["normalise_punctuation"],
        "fallback_union": Union.objects.filter(pk=stored["fallback_union"]).first(),
    }
    if request.method == "POST":
        try:
            report = services.import_copy(dry_run=False, **options)
        except CopyImportError as error:
            # Nothing was written; the preview stays, and shows the reason.
            messages.error(request, str(error))
            return redirect("importer:preview", token=token)
        _forget_preview(request, token)
        _report_import(request, report)
        return redirect(_changelist_url(report))
    try:
        report = services.import_copy(dry_run=True, **options)
    except CopyImportError as error:
        _forget_preview(request, token)
        messages.error(request, str(error))
        return redirect("importer:upload")
    return render(
        request,
        "importer/preview.html",
        {
            **_admin_context(request),
            "title": _("Stories found"),
            "report": report,
            "rows": [
                _row(number, outcome, request.user)
                for number, outcome in enumerate(report.outcomes, 1)
            ],
            "several_files": len(report.sources) > 1,
            "normalise_punctuation": stored["normalise_punctuation"],
            "can_import": bool(report.to_create)
            and not (report.without_union and report.fallback_union is None),
        },
    )


def _admin_context(request):
    return {**admin_site.each_context(request), "opts": Article._meta}


def _require_permission(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied


def _store_preview(request, form):
    token = secrets.token_urlsafe(16)
    previews = dict(request.session.get(SESSION_KEY, {}))
    while len(previews) >= MAX_PREVIEWS:
        previews.pop(next(iter(previews)))
    fallback_union = form.cleaned_data["fallback_union"]
    previews[token] = {
        "sources": [source.as_dict() for source in form.cleaned_data["files"]],
        "normalise_punctuation": form.cleaned_data["normalise_punctuation"],
        "fallback_union": fallback_union.pk if fallback_union else None,
    }
    request.session[SESSION_KEY] = previews
    return token


def _forget_preview(request, token):
    previews = dict(request.session.get(SESSION_KEY, {}))
    previews.pop(token, None)
    request.session[SESSION_KEY] = previews


def _report_import(request, report):
    created = len(report.created)
    messages.success(
        request,
        ngettext(
            "Imported %(count)d story as a draft.", "Imported %(count)d stories as drafts.", created
        )
        % {"count": created},
    )
    existing = [outcome for outcome in report.skipped if outcome.article is not None]
    if existing:
        links = format_html_join(
            "、", "{}", ((_headline_link(outcome, request.user),) for outcome in existing)
        )
        messages.warning(
            request,
            format_html(
                "{} {}",
                ngettext(
                    "%(count)d story exists already and was not imported again:",
                    "%(count)d stories exist already and were not imported again:",
                    len(existing),
                )
                % {"count": len(existing)},
                links,
            ),
        )


def _headline_link(outcome, user):
    """The story's headline, linked to its page when the user may open it."""
    if rules.can_view(user, outcome.article):
        return format_html(
            '<a href="{}">{}</a>', outcome.article_admin_url, outcome.article.headline
        )
    return format_html("“{}”", outcome.article.headline)


def _changelist_url(report):
    url = reverse("admin:articles_article_changelist")
    if report.created:
        url += "?id__in=" + ",".join(str(outcome.article.pk) for outcome in report.created)
    return url


def _row(number, outcome, user):
    """What the preview shows of one story."""
    story, match = outcome.story, outcome.union_match
    if match.status == MATCHED:
        union = match.union.name
    elif match.printed_name:
        union = _("unknown union: %(name)s") % {"name": match.printed_name}
    else:
        union = _("no union named")
    return {
        "number": number,
        "outcome": outcome,
        "story": story,
        "union": union,
        "union_found": match.status == MATCHED,
        "filed_under": outcome.filed_under if match.status != MATCHED else None,
        "genre": Article.Genre(story.genre).label,
        "bylines": [(name, Byline.Role(role).label) for name, role in story.bylines],
        "status": outcome.status,
        # A reporter sees only their own stories: no link to a copy someone else imported.
        "can_open": outcome.article is not None and rules.can_view(user, outcome.article),
    }
