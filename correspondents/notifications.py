"""Emails to a correspondent who gave an address, sent after the step's commit."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from correspondents import links
from correspondents.models import Filing
from editorial.formatting import local_time

logger = logging.getLogger(__name__)


def _send(filing_id, *, template, subject):
    filing = Filing.objects.select_related("correspondent", "article").filter(pk=filing_id).first()
    if filing is None or not filing.correspondent.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "filing": filing,
            "correspondent": filing.correspondent,
            "status_url": links.absolute_url(filing.correspondent),
            "public_url": (
                settings.SITE_URL + filing.article.get_absolute_url() if filing.article else ""
            ),
            # An approval for later: the story goes public at this time (Beijing time).
            "scheduled_for": (
                local_time(filing.article.publish_at)
                if filing.article is not None and filing.article.is_scheduled()
                else ""
            ),
        }
        message = EmailMessage(
            subject=subject % {"headline": filing.headline},
            body=render_to_string(template, context),
            to=[filing.correspondent.email],
        )
    try:
        return message.send()
    except Exception:
        # The step is committed; a mail server failure must not undo or hide it.
        logger.exception("Could not email the correspondent about filing %s", filing_id)
        return 0


def filing_received(filing_id):
    return _send(
        filing_id,
        template="correspondents/email/received.txt",
        subject=_("[Union news desk] Received: %(headline)s"),
    )


def filing_accepted(filing_id):
    return _send(
        filing_id,
        template="correspondents/email/accepted.txt",
        subject=_("[Union news desk] Being edited: %(headline)s"),
    )


def filing_declined(filing_id):
    return _send(
        filing_id,
        template="correspondents/email/declined.txt",
        subject=_("[Union news desk] Not used: %(headline)s"),
    )


def filing_used(filing_id):
    return _send(
        filing_id,
        template="correspondents/email/used.txt",
        subject=_("[Union news desk] Used: %(headline)s"),
    )
