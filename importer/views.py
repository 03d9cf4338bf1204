"""The admin's "Import copy" page: upload files, see the stories found, confirm."""

from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import Article, Byline
from editorial import rules
from importer import batches, services
from importer.exceptions import CopyImportError
from importer.forms import ImportUploadForm
from importer.models import ImportBatch
from importer.union_matching import MATCHED
from unions.models import Union

IMPORT_PERMISSION = "articles.add_article"
# Stories per preview page: with a union picker each, a page stays well under a megabyte.
STORIES_PER_PAGE = 20
# Stories the editor may tick or untick; those that exist already are never imported again.
INCLUDABLE = {services.WOULD_CREATE, services.SIMILAR, services.LEFT_OUT}


def may_import(user):
    """Only editors import: a page of copy files stories for many unions and reporters."""
    return user.has_perm(IMPORT_PERMISSION) and rules.is_reviewer(user)


def upload(request):
    _require_permission(request)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            batch = batches.create_batch(
                parsed=form.parsed,
                user=request.user,
                normalise_punctuation=form.cleaned_data["normalise_punctuation"],
                convert_traditional=form.cleaned_data["convert_traditional"],
                fallback_union=form.cleaned_data["fallback_union"],
            )
            return redirect("importer:preview", pk=batch.pk)
    else:
        form = ImportUploadForm(
            user=request.user,
            initial={"fallback_union": services.importing_users_union(request.user)},
        )
    return render(
        request,
        "importer/upload.html",
        {**_admin_context(request), "title": _("Import copy"), "form": form},
    )


def preview(request, pk):
    _require_permission(request)
    batch = ImportBatch.objects.filter(pk=pk, created_by=request.user).first()
    if batch is None:
        messages.error(
            request,
            _("This preview has expired or was confirmed already. Upload the files again."),
        )
        return redirect("importer:upload")
    if request.method == "POST":
        return _save_and_maybe_import(request, batch)
    report = batches.plan(batch, user=request.user)
    paginator = Paginator(list(enumerate(report.outcomes)), STORIES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    unions = list(Union.objects.order_by("path").only("pk", "name", "depth"))
    return render(
        request,
        "importer/preview.html",
        {
            **_admin_context(request),
            "title": _("Stories found"),
            "batch": batch,
            "report": report,
            "page": page,
            "unions": [(union.pk, "\u3000" * union.depth + union.name) for union in unions],
            "rows": [_row(index, outcome, request.user) for index, outcome in page],
            "several_files": len(report.sources) > 1,
            "normalise_punctuation": batch.normalise_punctuation,
            "can_import": bool(report.to_create) or bool(report.similar),
        },
    )


def _save_and_maybe_import(request, batch):
    picks = {}
    known_unions = set(Union.objects.values_list("pk", flat=True))
    for index in request.POST.getlist("shown"):
        if not index.isdigit() or int(index) >= len(batch.stories):
            continue
        union = request.POST.get(f"union-{index}", "")
        union = int(union) if union.isdigit() and int(union) in known_unions else None
        picks[int(index)] = {"union": union, "include": f"include-{index}" in request.POST}
    batches.save_choices(batch, picks)
    target = reverse("importer:preview", args=[batch.pk])
    page = request.POST.get("page", "")
    if page:
        # Another page of the preview: the picks of this one are kept, nothing is imported.
        return redirect(f"{target}?page={page}" if page.isdigit() else target)
    try:
        report = batches.import_batch(batch, user=request.user)
    except CopyImportError as error:
        # Nothing was written; the preview stays, and shows the reason.
        messages.error(request, str(error))
        return redirect(target)
    _report_import(request, report)
    return redirect(_changelist_url(report))


def _admin_context(request):
    return {**admin_site.each_context(request), "opts": Article._meta}


def _require_permission(request):
    if not may_import(request.user):
        raise PermissionDenied


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


def _row(index, outcome, user):
    """What the preview shows of one story."""
    story, match = outcome.story, outcome.union_match
    if match.status == MATCHED:
        union = match.union.name
    elif match.printed_name:
        union = _("unknown union: %(name)s") % {"name": match.printed_name}
    else:
        union = _("no union named")
    return {
        "index": index,
        "number": index + 1,
        "outcome": outcome,
        "story": story,
        "union": union,
        "union_found": match.status == MATCHED,
        "chosen_union": outcome.filed_under.pk if outcome.filed_under else None,
        "genre": Article.Genre(story.genre).label,
        "bylines": [(name, Byline.Role(role).label) for name, role in story.bylines],
        "status": outcome.status,
        "may_include": outcome.status
        in {services.WOULD_CREATE, services.SIMILAR, services.LEFT_OUT},
        "included": outcome.status == services.WOULD_CREATE,
        "warnings": outcome.warnings,
        "similar_url": (
            reverse("admin:articles_article_change", args=[outcome.similar_to.pk])
            if outcome.similar_to is not None and rules.can_view(user, outcome.similar_to)
            else ""
        ),
        "can_open": outcome.article is not None and rules.can_view(user, outcome.article),
    }
