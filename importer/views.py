"""The admin's "Import copy" page: upload files, see the stories found, confirm."""

from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

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
# The progress page reloads itself this often while a task works on the batch.
PROGRESS_REFRESH_SECONDS = 2


def may_import(user):
    """Only editors import: a page of copy files stories for many unions and reporters."""
    return user.has_perm(IMPORT_PERMISSION) and rules.is_reviewer(user)


def upload(request):
    _require_permission(request)
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            batch = batches.create_batch(
                uploads=form.cleaned_data["files"],
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
    """The batch's page: its progress while a task works on it, then the stories found, then
    what the import made. Each editor sees only their own batches."""
    _require_permission(request)
    batch = ImportBatch.objects.filter(pk=pk, created_by=request.user).first()
    if batch is None:
        messages.error(
            request,
            _("This preview has expired or was confirmed already. Upload the files again."),
        )
        return redirect("importer:upload")
    State = ImportBatch.State
    if request.method == "POST":
        if batch.state == State.FAILED and request.POST.get("action") == "retry":
            batches.retry(batch)
        elif batch.state == State.READY:
            return _save_and_maybe_import(request, batch)
        return redirect("importer:preview", pk=batch.pk)
    if batch.is_working:
        return _progress(request, batch)
    if batch.state == State.READY:
        return _preview(request, batch)
    return _outcome(request, batch)


def _progress(request, batch):
    done, total = batches.progress(batch)
    importing = batch.state == ImportBatch.State.IMPORTING
    return render(
        request,
        "importer/progress.html",
        {
            **_admin_context(request),
            "title": _("Creating the drafts…") if importing else _("Reading the files…"),
            "batch": batch,
            "importing": importing,
            "done": done,
            "total": total,
            "percent": int(100 * done / total) if total else 0,
            "files": batch.files.all(),
            "refresh_seconds": PROGRESS_REFRESH_SECONDS,
        },
    )


def _outcome(request, batch):
    """A FAILED batch's reason and files, or an IMPORTED batch's drafts and failures."""
    failed = batch.state == ImportBatch.State.FAILED
    rows = _result_rows(batch, request.user)
    created = [row for row in rows if row["article"] is not None and row["kind"] == "created"]
    response = render(
        request,
        "importer/outcome.html",
        {
            **_admin_context(request),
            "title": _("The import failed") if failed else _("Import finished"),
            "batch": batch,
            "failed": failed,
            "files": batch.files.all(),
            "rows": rows,
            "created_count": len(created),
            "failure_count": sum(row["kind"] == "error" for row in rows),
            "changelist_url": _changelist_url([row["article"] for row in created]),
        },
    )
    return response


def _result_rows(batch, user):
    """One row per confirmed story: its headline, and the draft made, found or the reason."""
    articles = Article.objects.in_bulk(
        [
            result.get("article") or result.get("exists")
            for result in batch.results.values()
            if result.get("article") or result.get("exists")
        ]
    )
    rows = []
    for index in batch.to_import:
        result = batch.results.get(str(index))
        headline = batch.stories[index]["story"]["headline"]
        if result is None:
            kind, article, reason = "waiting", None, ""
        elif "error" in result:
            kind, article, reason = "error", None, result["error"]
        else:
            kind = "created" if "article" in result else "exists"
            article = articles.get(result.get("article") or result.get("exists"))
            reason = ""
        rows.append(
            {
                "number": index + 1,
                "headline": headline,
                "kind": kind,
                "article": article,
                "reason": reason,
                "url": reverse("admin:articles_article_change", args=[article.pk])
                if article is not None and rules.can_view(user, article)
                else "",
            }
        )
    return rows


def _preview(request, batch):
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
        batches.confirm(batch, user=request.user)
    except CopyImportError as error:
        # Nothing was written; the preview stays, and shows the reason.
        messages.error(request, str(error))
    return redirect(target)


def _admin_context(request):
    return {**admin_site.each_context(request), "opts": Article._meta}


def _require_permission(request):
    if not may_import(request.user):
        raise PermissionDenied


def _changelist_url(articles):
    url = reverse("admin:articles_article_changelist")
    if articles:
        url += "?id__in=" + ",".join(str(article.pk) for article in articles)
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
