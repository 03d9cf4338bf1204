"""Reading the admin's pages the way a browser would: its messages and addresses; its forms
through tests.forms."""

from django.contrib.messages import get_messages
from django.urls import reverse

from tests.forms import form_data  # noqa: F401  (the editorial tests import it from here)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def message_codes(response):
    """The codes of the page's messages (a refusal's code, a step's event kind): what tests
    assert on, so that they do not depend on the wording, which the translation tests check.
    """
    return [message.extra_tags for message in get_messages(response.wsgi_request)]


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, name):
    return reverse("admin:articles_article_transition", args=[article.pk, name])


def changelist_url():
    return reverse("admin:articles_article_changelist")
