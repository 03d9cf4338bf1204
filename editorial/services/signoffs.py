"""The signature of a level, shared by every step that signs (sign_off, approve, corrections),
and the guards apps above editorial put on signing.

Apps above editorial refuse sign-offs through `signoff_guards` (proofing's blocking checks):
each is called as guard(article=…, actor=…) inside the step, with the row locked, and raises
TransitionNotAllowed to refuse it.
"""

import reversion
from django.utils.translation import gettext

from editorial import review
from editorial.models import SignOff

signoff_guards = []


def run_signoff_guards(article, actor):
    for guard in signoff_guards:
        guard(article=article, actor=actor)


def record_signoff(*, article, actor, level, opinion, event):
    """The signature itself, recorded inside a guarded step after its checks."""
    return SignOff.objects.create(
        article=article,
        level=level,
        signer=actor,
        opinion=(opinion or "").strip(),
        article_version=article.version,
        revision_id_signed=_version_signed(article, actor),
        event=event,
    )


def _version_signed(article, actor):
    """The saved version the signer read; a story never saved in the history gets one now,
    so that a later diff shows what changed since the signature."""
    version_id = review.newest_version_id(article)
    if version_id is None:
        with reversion.create_revision(atomic=False):
            reversion.add_to_revision(article)
            reversion.set_user(actor)
            reversion.set_comment(gettext("Version signed in review."))
        version_id = review.newest_version_id(article)
    return version_id
