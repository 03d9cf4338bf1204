"""三校's writes and the guard it puts on sign-offs: a proofreading round, a check overridden.

Both go through editorial's API: the story's row is locked with editorial's lock_article and
each step goes on the story's record with editorial's record_event.
"""

import difflib
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import permissions
from articles.models import Article
from editorial.models import ArticleEvent
from editorial.services.checks import (
    TransitionNotAllowed,
    require,
    require_reason,
    require_status,
    require_unchanged,
)
from editorial.services.records import record_event
from editorial.services.transitions import lock_article
from proofing.checks import run_checks
from proofing.models import (
    CheckOverride,
    ProofreadingRound,
    SensitiveWord,
    StandardTerm,
    TypoEntry,
)

OVERRIDE = "proofing.override_check"
ROUND_NAMES = {1: _("First proofreading"), 2: _("Second proofreading"), 3: _("Read-through")}


def round_name(number):
    return ROUND_NAMES.get(number) or gettext("Proofreading %(n)s") % {"n": number}


@dataclass(frozen=True)
class Lists:
    typos: list
    terms: list
    sensitive: list


def desk_lists():
    """The lists the desk edits in the admin, read once per check run."""
    return Lists(
        typos=list(TypoEntry.objects.values_list("wrong", "right")),
        terms=list(StandardTerm.objects.values_list("wrong", "right")),
        sensitive=list(SensitiveWord.objects.values_list("word", flat=True)),
    )


def copy_text(article):
    """The text the checks read: an override holds while this stays the same."""
    return "\n".join(
        [article.kicker, article.headline, article.subheadline, article.body, article.summary]
    )


def findings_for(article, lists=None):
    return run_checks(article, lists or desk_lists())


def overridden_codes(article):
    """The checks overridden on the story's current text."""
    text = copy_text(article)
    return {
        override.code
        for override in CheckOverride.objects.filter(article=article)
        if override.body_seen == text
    }


def open_blocking(article, findings=None):
    """Blocking findings not overridden: they stop a sign-off."""
    findings = findings_for(article) if findings is None else findings
    overridden = overridden_codes(article)
    return [f for f in findings if f.is_blocking and f.code not in overridden]


def refuse_blocking_findings(*, article, actor):
    """editorial's sign-off guard (registered in ProofingConfig.ready)."""
    blocking = open_blocking(article)
    if blocking:
        raise TransitionNotAllowed(
            gettext(
                "A blocking check stops the sign-off: %(problems)s Fix the copy, or ask someone "
                "who may override checks."
            )
            % {"problems": " ".join(finding.message for finding in blocking)},
            code="blocking_check",
        )


def characters_changed(before, after):
    """How many characters a round inserted, deleted or replaced."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _filed_text(article):
    """The text before the first round: as filed (the first saved version), or as it is."""
    from reversion.models import Version

    first = Version.objects.get_for_object(article).order_by("pk").first()
    if first is None:
        return copy_text(article)
    data = first.field_dict
    return "\n".join(
        str(data.get(name, "")) for name in ("kicker", "headline", "subheadline", "body", "summary")
    )


def check_proofread(article, actor):
    require(
        permissions.is_reviewer(actor),
        gettext("Only editors record proofreading rounds."),
    )
    require_status(
        article,
        [Article.Status.REVIEW],
        gettext("Only a story in review is proofread; this story is %(status)s."),
    )


@transaction.atomic
def record_round(*, article, actor, expected_version=None):
    """The proofreader finished a round on the story as it is now (its edits already saved)."""
    locked = lock_article(article)
    check_proofread(locked, actor)
    require_unchanged(locked, expected_version)
    previous = ProofreadingRound.objects.filter(article=locked).order_by("-number").first()
    text = copy_text(locked)
    before = previous.text if previous else _filed_text(locked)
    findings = findings_for(locked)
    proof_round = ProofreadingRound.objects.create(
        article=locked,
        number=(previous.number + 1) if previous else 1,
        proofreader=actor,
        characters_changed=characters_changed(before, text),
        text=text,
        findings=len(findings),
        blocking=len(open_blocking(locked, findings)),
    )
    record_event(
        article=locked,
        actor=actor,
        kind=ArticleEvent.Kind.PROOFREAD,
        reason=gettext("%(round)s: %(changed)s characters changed, %(findings)s findings.")
        % {
            "round": round_name(proof_round.number),
            "changed": proof_round.characters_changed,
            "findings": proof_round.findings,
        },
    )
    return proof_round


@transaction.atomic
def override_check(*, article, actor, code, reason, expected_version=None):
    """Sets a blocking check aside on the current text, with a reason, on the record."""
    locked = lock_article(article)
    require(
        actor.has_perm(OVERRIDE),
        gettext("You may not override checks."),
    )
    require_reason(reason)
    require_unchanged(locked, expected_version)
    blocking_codes = {finding.code for finding in open_blocking(locked)}
    require(
        code in blocking_codes,
        gettext("That check does not block this story now."),
        code="nothing_to_override",
    )
    override = CheckOverride.objects.create(
        article=locked,
        code=code,
        reason=reason.strip(),
        overridden_by=actor,
        body_seen=copy_text(locked),
    )
    record_event(
        article=locked,
        actor=actor,
        kind=ArticleEvent.Kind.CHECK_OVERRIDDEN,
        reason=f"{code}: {reason.strip()}",
    )
    return override
