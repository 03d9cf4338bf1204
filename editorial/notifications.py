"""Emails the workflow sends after a transition commits, from a background task.

The step is done and committed before any email is tried: a mail server that is down or
refuses a message never undoes a step or turns it into an error page. The task retries
(newsroom.background), and every failed attempt goes on the story's record, so the desk sees
in the timeline that the author or the editors were not told.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from editorial.formatting import display_name, local_time, zone_name
from editorial.models import ArticleEvent
from editorial.services import records
from newsroom.background import MAX_ATTEMPTS, retry_on_failure

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
    return get_connection(fail_silently=False).send_messages(messages)


def _submitted(event_id):
    return _send(
        event_id,
        template="editorial/email/submitted.txt",
        subject=lambda event: (
            _("[Union news desk] For review: %(headline)s") % {"headline": event.article.headline}
        ),
        recipients=lambda event: editors_to_notify(exclude=event.actor),
    )


def _returned(event_id):
    return _send(
        event_id,
        template="editorial/email/returned.txt",
        subject=lambda event: (
            _("[Union news desk] Returned to you: %(headline)s")
            % {"headline": event.article.headline}
        ),
        recipients=_author_if_someone_else,
    )


def _published(event_id):
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


SENDERS = {"submitted": _submitted, "returned": _returned, "published": _published}


@task()
def send_workflow_email(email, event_id, attempt=1):
    """One workflow email (a key of SENDERS) for one event; returns the messages sent."""
    try:
        with retry_on_failure(send_workflow_email, email, event_id, attempt=attempt):
            return SENDERS[email](event_id)
    except Exception as error:
        _record_failure(event_id, attempt, error)
        raise


def _record_failure(event_id, attempt, error):
    article_id = ArticleEvent.objects.filter(pk=event_id).values_list("article_id", flat=True)
    if not article_id:
        return
    with translation.override(settings.LANGUAGE_CODE):
        if attempt < MAX_ATTEMPTS:
            explanation = _(
                "The email about this step could not be sent (attempt %(attempt)d of "
                "%(attempts)d): %(error)s. It will be tried again."
            )
        else:
            explanation = _(
                "The email about this step could not be sent (attempt %(attempt)d of "
                "%(attempts)d): %(error)s. No further attempt will be made: tell the people "
                "concerned yourself."
            )
        explanation %= {
            "attempt": attempt,
            "attempts": MAX_ATTEMPTS,
            "error": f"{type(error).__name__}: {error}"[:300],
        }
    records.record_notification_failure(article_id=article_id[0], explanation=explanation)


def story_submitted(event_id):
    send_workflow_email.enqueue("submitted", event_id)


def story_returned(event_id):
    send_workflow_email.enqueue("returned", event_id)


def story_published(event_id):
    send_workflow_email.enqueue("published", event_id)
