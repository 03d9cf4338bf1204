"""Emails the workflow sends after a transition commits (transaction.on_commit)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from editorial.formatting import display_name, local_time, zone_name
from editorial.models import ArticleEvent

logger = logging.getLogger(__name__)

EDITOR_GROUP = "Editor"


def editors_to_notify(exclude=None):
    """Active members of the Editor group who have an email address."""
    editors = (
        get_user_model().objects.filter(groups__name=EDITOR_GROUP, is_active=True).exclude(email="")
    )
    if exclude is not None:
        editors = editors.exclude(pk=exclude.pk)
    return list(editors.distinct().order_by("pk"))


def _author_if_someone_else(event):
    """The story's author, unless the author took the step: nobody needs to be told."""
    author = event.article.created_by
    if author is None or not author.email or not author.is_active or author == event.actor:
        return []
    return [author]


def _context(event):
    article = event.article
    return {
        "article": article,
        "event": event,
        "actor_name": display_name(event.actor),
        "admin_url": settings.SITE_URL
        + reverse("admin:articles_article_change", args=[article.pk]),
        "public_url": settings.SITE_URL + article.get_absolute_url(),
        "publish_time": local_time(event.publish_at),
        "zone": zone_name(),
        "is_scheduled": event.publish_at is not None and event.publish_at > timezone.now(),
    }


def _send(event_id, *, template, subject, recipients):
    """Renders one email per recipient (addresses stay private) and sends them together."""
    event = (
        ArticleEvent.objects.select_related("article__created_by", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    # Emails go out in the site's language, whatever the language of the request.
    with translation.override(settings.LANGUAGE_CODE):
        people = recipients(event)
        if not people:
            return 0
        context = _context(event)
        messages = [
            EmailMessage(
                subject=subject(event),
                body=render_to_string(
                    template, {**context, "recipient_name": display_name(person)}
                ),
                to=[person.email],
            )
            for person in people
        ]
    try:
        return get_connection().send_messages(messages)
    except Exception:
        # The step is done and committed; a mail server failure must not undo or hide it.
        logger.exception("Could not send the workflow email for event %s", event_id)
        return 0


def story_submitted(event_id):
    return _send(
        event_id,
        template="editorial/email/submitted.txt",
        subject=lambda event: (
            _("[Union news desk] For review: %(headline)s") % {"headline": event.article.headline}
        ),
        recipients=lambda event: editors_to_notify(exclude=event.actor),
    )


def story_returned(event_id):
    return _send(
        event_id,
        template="editorial/email/returned.txt",
        subject=lambda event: (
            _("[Union news desk] Returned to you: %(headline)s")
            % {"headline": event.article.headline}
        ),
        recipients=_author_if_someone_else,
    )


def story_published(event_id):
    def subject(event):
        if event.publish_at > timezone.now():
            return _("[Union news desk] Scheduled: %(headline)s") % {
                "headline": event.article.headline
            }
        return _("[Union news desk] Published: %(headline)s") % {"headline": event.article.headline}

    return _send(
        event_id,
        template="editorial/email/published.txt",
        subject=subject,
        recipients=_author_if_someone_else,
    )
