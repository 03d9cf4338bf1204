"""三审's steps besides publishing: sign a level, send a story back one level. Each is one
guarded function: it locks the row, checks the status, the signer's right to the level and the
version they read, records a SignOff and its event, and announces it after the commit.

Publishing is the last level's sign-off (transitions.approve records it); a correction of a
published story is signed by someone who may sign the last level (records.record_correction).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from editorial.models import ArticleEvent
from editorial.services.checks import (
    check_send_back,
    check_sign_off,
    require_opinion,
    require_reason,
    require_unchanged,
)
from editorial.services.records import record_event
from editorial.services.signoffs import record_signoff, run_signoff_guards
from editorial.services.transitions import lock_article

Kind = ArticleEvent.Kind


@transaction.atomic
def sign_off(*, article, actor, opinion, expected_version=None):
    """Signs the level waiting for the actor (初审 or 复审) with an opinion (审稿意见)."""
    locked = lock_article(article)
    _state, waiting = check_sign_off(locked, actor)
    require_opinion(opinion)
    require_unchanged(locked, expected_version)
    run_signoff_guards(locked, actor)
    event = record_event(
        article=locked,
        actor=actor,
        kind=Kind.SIGNED_OFF,
        reason=gettext("%(level)s: %(opinion)s")
        % {"level": waiting.step.label, "opinion": opinion.strip()},
    )
    record_signoff(
        article=locked, actor=actor, level=waiting.step.level, opinion=opinion, event=event
    )
    return event


@transaction.atomic
def send_back(*, article, actor, reason, expected_version=None):
    """The level waiting sends the story back to the level below, which signs it again."""
    locked = lock_article(article)
    _state, below = check_send_back(locked, actor)
    require_reason(reason)
    require_unchanged(locked, expected_version)
    below.signoff.revoked_at = timezone.now()
    below.signoff.save(update_fields=["revoked_at"])
    return record_event(
        article=locked,
        actor=actor,
        kind=Kind.SENT_BACK,
        reason=gettext("Back to %(level)s: %(reason)s")
        % {"level": below.step.label, "reason": reason.strip()},
    )
