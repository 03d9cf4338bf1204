"""Reads for the correspondents' pages and the 来稿 queue."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from correspondents.models import Filing
from editorial.desk_status import DeskStatus, desk_status, with_desk_status

FILINGS_SHOWN = 50


@dataclass(frozen=True)
class Progress:
    """What became of a filing, as its correspondent is told."""

    key: str
    label: str
    public_url: str = ""
    reason: str = ""


RECEIVED = "received"
EDITING = "editing"
USED = "used"
NOT_USED = "not_used"

LABELS = {
    RECEIVED: _("Received"),
    EDITING: _("Being edited"),
    USED: _("Used"),
    NOT_USED: _("Not used"),
}


def progress(filing):
    """Received, being edited, used (with the public link) or not used (with the reason).

    "Used" is the desk's own status of the story (editorial.desk_status), read through the
    filing's relation; a story the desk withdrew again counts as not used.
    """
    if filing.state == Filing.State.DECLINED:
        return Progress(NOT_USED, LABELS[NOT_USED], reason=filing.decline_reason)
    if filing.state == Filing.State.RECEIVED:
        return Progress(RECEIVED, LABELS[RECEIVED])
    article = filing.article
    if article is None:
        return Progress(NOT_USED, LABELS[NOT_USED])
    status = desk_status(article)
    if status == DeskStatus.PUBLISHED:
        return Progress(USED, LABELS[USED], public_url=article.get_absolute_url())
    if status == DeskStatus.WITHDRAWN:
        return Progress(NOT_USED, LABELS[NOT_USED])
    return Progress(EDITING, LABELS[EDITING])


def filings_of(correspondent):
    """The correspondent's newest filings with their progress, in three queries."""
    stories = with_desk_status(Article.objects.all())
    filings = list(
        correspondent.filings.select_related("union")
        .prefetch_related(Prefetch("article", queryset=stories), "filing_photos")
        .order_by("-submitted_at", "-pk")[:FILINGS_SHOWN]
    )
    return [(filing, progress(filing)) for filing in filings]
