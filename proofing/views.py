"""Proofing's pages: a round finished, a check overridden, the printable 审稿单 (one story, or
every story published on a day)."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from articles import permissions
from articles.models import Article
from editorial.review import review_state
from editorial.services.checks import TransitionNotAllowed
from proofing import services
from proofing.panels import proofing_context


def _version(request):
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _story_for(request, pk):
    article = get_object_or_404(Article.objects.select_related("union", "created_by"), pk=pk)
    if not permissions.can_view(request.user, article):
        raise Http404
    return article


def _change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@staff_member_required
@require_POST
def finish_round(request, pk):
    article = _story_for(request, pk)
    try:
        proof_round = services.record_round(
            article=article, actor=request.user, expected_version=_version(request)
        )
    except TransitionNotAllowed as refusal:
        messages.error(request, refusal.message, extra_tags=refusal.code)
    else:
        messages.success(
            request,
            gettext("%(round)s recorded: %(changed)s characters changed.")
            % {
                "round": services.round_name(proof_round.number),
                "changed": proof_round.characters_changed,
            },
            extra_tags="proofread",
        )
    return redirect(_change_url(article))


@staff_member_required
@require_POST
def override(request, pk):
    article = _story_for(request, pk)
    try:
        services.override_check(
            article=article,
            actor=request.user,
            code=request.POST.get("code", ""),
            reason=request.POST.get("reason", ""),
            expected_version=_version(request),
        )
    except TransitionNotAllowed as refusal:
        messages.error(request, refusal.message, extra_tags=refusal.code)
    else:
        messages.success(
            request,
            gettext("The check is overridden; the reason is on the story's record."),
            extra_tags="check_overridden",
        )
    return redirect(_change_url(article))


def sheet_context(article):
    state = review_state(article)
    return {
        "article": article,
        "levels": state.levels,
        "policy": state.policy,
        **proofing_context(article),
    }


@staff_member_required
def sheet(request, pk):
    """The story's 审稿单, laid out for A4."""
    article = _story_for(request, pk)
    return render(
        request,
        "proofing/sheets.html",
        {"sheets": [sheet_context(article)], "title": gettext("Review sheet")},
    )


@staff_member_required
def day_sheets(request):
    """The 审稿单 of every story published (or scheduled) on a day, printed in one go."""
    day = parse_date(request.GET.get("date", "")) or timezone.localdate()
    start = timezone.make_aware(datetime.combine(day, time.min))
    stories = (
        Article.objects.visible_to(request.user)
        .filter(status=Article.Status.PUBLISHED, publish_at__gte=start)
        .filter(publish_at__lt=start + timedelta(days=1))
        .select_related("union", "created_by")
        .order_by("publish_at", "pk")
    )
    return render(
        request,
        "proofing/sheets.html",
        {
            "sheets": [sheet_context(article) for article in stories],
            "title": gettext("Review sheets of %(day)s") % {"day": day.isoformat()},
            "day": day,
            "is_day": True,
        },
    )
