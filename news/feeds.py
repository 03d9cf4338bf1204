"""Atom feeds: the latest stories, a union's (its sub-unions' included) and a theme's."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator
from taggit.models import Tag

from articles.models import Article, Column
from news import selectors
from unions.models import Union


class PlainTextAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text.

    Django's Atom1Feed labels a summary type="html", so feed readers interpret whatever markup
    was typed into a story's summary: a script in a summary ran in readers. A summary is text,
    and type="text" tells readers to show it as such.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ReadableAtomFeed(PlainTextAtomFeed):
    """Atom with an XSLT stylesheet: feed readers ignore it, a browser shows a readable page.

    Someone who taps "subscribe" on a phone otherwise gets a screen of raw XML. The stylesheet
    comes from our own origin (news.views.feed_stylesheet), which the Content Security Policy
    allows.
    """

    # Browsers show application/atom+xml as plain text and apply no stylesheet to it; feed
    # readers accept Atom served as XML.
    content_type = "application/xml; charset=utf-8"

    def write(self, outfile, encoding):
        # Atom1Feed.write starts the document itself; the processing instruction must come
        # right after the XML declaration, so the declaration is written here.
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.processingInstruction(
            "xml-stylesheet", f'type="text/xsl" href="{reverse("news:feed_stylesheet")}"'
        )
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class StoryFeed(Feed):
    feed_type = ReadableAtomFeed

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.lead_text

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.union.name

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class LatestStoriesFeed(StoryFeed):
    def title(self):
        return _("Union news: latest stories")

    def subtitle(self):
        return _("The newest stories from every union.")

    def link(self):
        return reverse("news:home")

    def items(self):
        return selectors.feed_stories()


class UnionFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Union.objects.active(), slug=slug)

    def title(self, union):
        return _("Union news: %(union)s") % {"union": union.name}

    def subtitle(self, union):
        return _("The newest stories from %(union)s and its unions.") % {"union": union.name}

    def link(self, union):
        return union.get_absolute_url()

    def items(self, union):
        return selectors.feed_stories(union=union)


class ThemeFeed(StoryFeed):
    def get_object(self, request, slug):
        theme = get_object_or_404(Tag, slug=slug)
        if not Article.objects.published().by_theme(theme).exists():
            raise Http404(_("No published story has this theme."))
        return theme

    def title(self, theme):
        return _("Union news: %(theme)s") % {"theme": theme.name}

    def subtitle(self, theme):
        return _("The newest stories on the theme %(theme)s.") % {"theme": theme.name}

    def link(self, theme):
        return reverse("news:theme", kwargs={"slug": theme.slug})

    def items(self, theme):
        return selectors.feed_stories(theme=theme)


class ColumnFeed(StoryFeed):
    def get_object(self, request, slug):
        column = get_object_or_404(Column, slug=slug)
        if not Article.objects.published().filter(column=column).exists():
            raise Http404(_("No published story is in this column."))
        return column

    def title(self, column):
        return _("Union news: %(column)s") % {"column": column.name}

    def subtitle(self, column):
        return _("The newest stories of the column %(column)s.") % {"column": column.name}

    def link(self, column):
        return column.get_absolute_url()

    def items(self, column):
        return selectors.feed_stories(column=column)
