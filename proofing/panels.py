"""The proofing panel on a story's change page: findings highlighted, rounds, overrides."""

from django.urls import reverse

from articles import permissions
from proofing import services
from proofing.highlight import marked
from proofing.models import CheckOverride, ProofreadingRound


def proofing_context(article, user=None):
    findings = services.findings_for(article)
    overridden = services.overridden_codes(article)
    by_field = {}
    for finding in findings:
        by_field.setdefault(finding.field, []).append(finding)
    return {
        "findings": [
            {"finding": finding, "overridden": finding.code in overridden} for finding in findings
        ],
        "blocking_open": services.open_blocking(article, findings),
        "marked_headline": marked(article.headline, by_field.get("headline", [])),
        "marked_body": marked(article.body, by_field.get("body", [])),
        "rounds": [
            {"round": proof_round, "name": services.round_name(proof_round.number)}
            for proof_round in ProofreadingRound.objects.filter(article=article).select_related(
                "proofreader"
            )
        ],
        "overrides": list(
            CheckOverride.objects.filter(article=article).select_related("overridden_by")
        ),
    }


def proofing_panel(request, article):
    """(template, context) for editorial's change page (editorial.admin.panels)."""
    user = request.user
    context = proofing_context(article, user)
    context.update(
        {
            "article": article,
            "may_proofread": permissions.is_reviewer(user)
            and article.status == article.Status.REVIEW,
            "may_override": user.has_perm(services.OVERRIDE),
            "round_url": reverse("proofing:round", args=[article.pk]),
            "override_url": reverse("proofing:override", args=[article.pk]),
            "sheet_url": reverse("proofing:sheet", args=[article.pk]),
            "next_round": services.round_name(len(context["rounds"]) + 1),
        }
    )
    return "proofing/panel.html", context
