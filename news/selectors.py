"""Reads for the public site.

Every story, count and tag list here starts from Article.objects.published(): nothing else
decides what the public sees. Each function makes a fixed number of queries, however many
stories there are.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, ArticleTheme, Column
from news import cache
from news.directory import UnionEntry, union_directory
from news.paging import first_page_positions
from photos.models import Photo
from unions.models import Union

TOP_STORY_COUNT = 3
LATEST_COUNT = 10
CITY_BLOCK_COUNT = 4
PHOTO_STRIP_COUNT = 8
COLUMN_BLOCK_COUNT = 3
HOME_THEME_COUNT = 20
RELATED_STORY_COUNT = 6
RELATED_THEME_COUNT = 12
FEED_ITEM_COUNT = 30

# The reverse name of ArticleTheme.tag, for lookups from Tag to the stories it labels.
THEME_ITEMS = ArticleTheme.tag_relname()


def published_stories():
    """Published stories, newest first, with what a list shows."""
    return Article.objects.published().for_listing().newest_first()


def story_positions():
    """Published stories newest first, with only what paging reads (news.paging, news.cards).

    A list page reads its stories' ids and dates; the cards come from news.cards, which reads
    in full only the stories whose card is not kept (listed_stories).
    """
    return Article.objects.published().newest_first().only("pk", "publish_at")


def listed_stories(ids):
    """{id: published story with what a list shows} for these ids."""
    return published_stories().filter(pk__in=ids).in_bulk()


def lead_photo(article):
    """The story's lead photo, else its first photo, else None (reads the photos prefetch)."""
    photos = list(article.photos.all())
    return next((photo for photo in photos if photo.is_lead), photos[0] if photos else None)


def ordered_photos(article):
    """The story's photos, lead photo first."""
    photos = list(article.photos.all())
    return sorted(photos, key=lambda photo: not photo.is_lead)


def closing_photo_credit(article, photos):
    """The story's "姚佳佳/摄" line; '' when a photo's credit already names every photographer.

    The paper credits a photographer once: a photo news item whose photo says "姚佳佳/摄" does not
    repeat it after the text.
    """
    photographers = [
        byline.name for byline in article.bylines.all() if byline.role == "photographer"
    ]
    shown_credits = [photo.credit for photo in photos if photo.credit]
    if all(any(name in credit for credit in shown_credits) for name in photographers):
        return ""
    return article.photo_credit()


def subtree_story_counts(stories):
    """{union path: how many of stories belong to that union or any union under it}.

    One grouped query, counted per union, then added up the tree in Python: a correlated
    subquery per union (LIKE path || '%') takes seconds on SQLite once there are a thousand
    unions (benchmarks/public_pages.py).
    """
    totals = {}
    per_union = stories.order_by().values_list("union__path").annotate(count=Count("pk"))
    for path, count in per_union:
        segments = path.split("/")[:-1]
        for depth in range(1, len(segments) + 1):
            prefix = "/".join(segments[:depth]) + "/"
            totals[prefix] = totals.get(prefix, 0) + count
    return totals


@dataclass(frozen=True)
class StoryCounts:
    """How many published stories each union (subtree), theme and column has, and photo news.

    Built by a few grouped queries once per change to the public stories (news.cache.fragment),
    then read by every page that shows a count or pages through a list: no page counts over
    the whole table.
    """

    by_union_path: dict
    by_theme: dict
    by_column: dict
    photo_stories: int


def _build_story_counts():
    published = Article.objects.published()
    by_theme = dict(
        ArticleTheme.objects.filter(content_object__in=published.values("pk"))
        .order_by()
        .values_list("tag_id")
        .annotate(count=Count("pk"))
    )
    by_column = dict(
        published.filter(column__isnull=False)
        .order_by()
        .values_list("column_id")
        .annotate(count=Count("pk"))
    )
    return StoryCounts(
        by_union_path=subtree_story_counts(published),
        by_theme=by_theme,
        by_column=by_column,
        photo_stories=photo_stories().count(),
    )


STORY_COUNTS = "story-counts"
PUBLIC_COLUMNS = "public-columns"


def story_counts():
    return cache.fragment(STORY_COUNTS, _build_story_counts)


def _annotate_story_counts(unions, totals):
    for union in unions:
        union.story_count = totals.get(union.path, 0)
    return unions


# Home page


@dataclass
class CityBlock:
    union: Union
    stories: list = field(default_factory=list)


def home_page():
    """Everything the home page shows: lead and top stories, latest, cities, themes, photos.

    Which stories lead and follow changes only with the public stories (a fragment of ids);
    the lead is read in full, the others are story cards (news.cards).
    """
    from news.cards import story_cards

    lead_id, rest_ids = cache.fragment("home-newest", _home_newest_ids)
    lead = listed_stories([lead_id]).get(lead_id) if lead_id else None
    return {
        "lead": lead,
        "top_stories": story_cards(rest_ids[:TOP_STORY_COUNT], "full"),
        "latest": story_cards(rest_ids[TOP_STORY_COUNT:], "brief"),
        "city_blocks": city_blocks(),
        "themes": popular_themes(HOME_THEME_COUNT),
        "photo_stories": list(photo_stories()[:PHOTO_STRIP_COUNT]),
        "column_blocks": column_blocks(),
    }


def _home_newest_ids():
    """(the lead's id or None, ids of the newest stories after it), for home_page."""
    newest = list(
        Article.objects.published()
        .newest_first()
        .only("pk", "genre")
        .prefetch_related("photos")[: 1 + TOP_STORY_COUNT + LATEST_COUNT]
    )
    lead = _pick_lead(newest)
    return (lead.pk if lead else None, [story.pk for story in newest if story is not lead])


def _pick_lead(stories):
    """The newest story with a photo, not itself photo news; else the newest story."""
    with_photo = (
        story
        for story in stories
        if story.genre != Article.Genre.PHOTO and lead_photo(story) is not None
    )
    return next(with_photo, stories[0] if stories else None)


@dataclass(frozen=True)
class StoryLink:
    """A story as a headline linking to it (home's city and column blocks), kept in fragments."""

    pk: int
    headline: str
    url: str  # reversed once, when the fragment is built

    def get_absolute_url(self):
        return self.url


def _newest_links(stories, limit):
    return [
        StoryLink(pk, headline, reverse("news:article", kwargs={"pk": pk}))
        for pk, headline in stories.values_list("pk", "headline")[:limit]
    ]


def city_blocks(per_city=CITY_BLOCK_COUNT):
    """Each active city federation with its newest stories, its sub-unions' included.

    Which stories those are, and their headlines, change only with a change to the public
    stories: they are kept as a fragment, so a page reads only the cities.
    """
    cities = active_cities()
    newest = cache.fragment(f"city-blocks:{per_city}", lambda: _newest_by_city(cities, per_city))
    return [CityBlock(city, newest.get(city.path, [])) for city in cities]


def _newest_by_city(cities, per_city):
    """{city path: links to its newest published stories}: one short index scan per city."""
    return {
        city.path: _newest_links(
            Article.objects.published().by_union(city).newest_first(), per_city
        )
        for city in cities
    }


def popular_themes(limit):
    """Themes with the most published stories, each with story_count."""
    counts = story_counts().by_theme
    top = sorted(counts.items(), key=lambda item: -item[1])[: limit * 2]
    themes = list(Tag.objects.filter(pk__in=[pk for pk, _count in top]))
    for theme in themes:
        theme.story_count = counts[theme.pk]
    themes.sort(key=lambda theme: (-theme.story_count, theme.name))
    return themes[:limit]


def photo_stories():
    """Published photo news that carries a photo, newest first."""
    has_photo = Exists(Photo.objects.filter(article=OuterRef("pk")))
    return (
        Article.objects.published()
        .filter(has_photo, genre=Article.Genre.PHOTO)
        .select_related("union")
        .prefetch_related("photos")
        .newest_first()
    )


# Unions


@dataclass
class UnionNode:
    union: Union
    children: list = field(default_factory=list)


def union_tree():
    """The active unions as a forest, each with story_count (published, its whole subtree)."""
    unions = _annotate_story_counts(
        list(Union.objects.active().order_by("path")), story_counts().by_union_path
    )
    nodes = {union.pk: UnionNode(union) for union in unions}
    roots = []
    for union in unions:
        parent = nodes.get(union.parent_id)
        # A union under an inactive parent still shows, at the top level.
        (parent.children if parent else roots).append(nodes[union.pk])
    for node in nodes.values():
        node.children.sort(key=lambda child: child.union.sibling_key)
    roots.sort(key=lambda node: node.union.sibling_key)
    return roots


@dataclass
class UnionPage:
    """What a union's page shows besides its stories (news.directory's entries, not Unions)."""

    union: UnionEntry
    sub_unions: list
    story_count: int
    columns: list  # the navigation's
    first_page: "FirstPage | None"  # its newest stories, when asked for


def union_page(slug, *, first_page_size=None):
    """The active union with this slug as its page shows it, or None.

    One cache round trip (the site token, the counts, the navigation's columns and, with
    first_page_size, the positions of the union's newest stories) and no query: the union, its
    breadcrumbs and its sub-unions come from the process's union directory, and the newest
    stories change only with the public stories, as the counts do.
    """
    if len(slug) > Union._meta.get_field("slug").max_length:
        return None  # no union has it; and no key is made of it
    first_page = f"union-first-page:{slug}:{first_page_size}"
    names = [STORY_COUNTS, PUBLIC_COLUMNS] + ([first_page] if first_page_size else [])
    fragments = cache.Fragments(names)
    directory = union_directory(fragments.site["token"])
    entry = directory.active(slug)
    if entry is None:
        return None
    counts = fragments.get(STORY_COUNTS, _build_story_counts).by_union_path
    return UnionPage(
        union=entry,
        sub_unions=directory.sub_unions(entry, counts),
        story_count=counts.get(entry.path, 0),
        columns=fragments.get(PUBLIC_COLUMNS, _public_columns),
        first_page=fragments.get(
            first_page, lambda: _first_page(union_stories(entry), first_page_size)
        )
        if first_page_size
        else None,
    )


@dataclass
class FirstPage:
    """A list's newest stories kept as a fragment: their positions and their cards' tokens."""

    positions: list  # news.paging.StoryPosition
    card_tokens: object  # news.cards.CardTokens


def _first_page(stories, size):
    from news.cards import card_tokens

    positions = first_page_positions(stories, size)
    return FirstPage(positions, card_tokens([position.pk for position in positions]))


def union_stories(union):
    """The stories of a union's page: its own and its sub-unions' (a directory entry)."""
    return story_positions().in_unions(union.subtree_ids)


# Themes and columns


def theme_stories(tag):
    return story_positions().by_theme(tag)


def related_themes(tag, limit=RELATED_THEME_COUNT):
    """Themes that label the same published stories as tag, most shared first.

    The shared counts change only with a publication: kept as a fragment per theme.
    """
    shared = cache.fragment(f"related-themes:{tag.pk}:{limit}", lambda: _shared_themes(tag, limit))
    themes = Tag.objects.in_bulk([pk for pk, _count in shared])
    related = []
    for pk, count in shared:
        if pk in themes:
            themes[pk].shared_count = count
            related.append(themes[pk])
    return related


def _shared_themes(tag, limit):
    stories_with_tag = ArticleTheme.objects.filter(
        tag=tag, content_object__in=Article.objects.published().values("pk")
    ).values("content_object_id")
    return list(
        ArticleTheme.objects.filter(content_object__in=stories_with_tag)
        .exclude(tag=tag)
        .order_by()
        .values_list("tag_id")
        .annotate(shared_count=Count("pk"))
        .order_by("-shared_count", "tag__name")[:limit]
    )


def column_stories(column):
    return story_positions().filter(column=column)


def public_columns():
    """The columns that carry at least one published story, by name (navigation, home).

    Every page's navigation lists them, and they change only with the public stories: kept
    as a fragment.
    """
    return cache.fragment(PUBLIC_COLUMNS, _public_columns)


def _public_columns():
    with_story = Exists(Article.objects.published().filter(column=OuterRef("pk")))
    return list(Column.objects.filter(with_story).order_by("name"))


@dataclass
class ColumnBlock:
    column: Column
    stories: list = field(default_factory=list)


def column_blocks(per_column=COLUMN_BLOCK_COUNT):
    """Each column with published stories and its newest stories.

    As for the cities, the newest stories' links are kept as a fragment (a window over every
    story of every column took 128 ms at 100,000 stories).
    """
    columns = public_columns()
    newest = cache.fragment(
        f"column-blocks:{per_column}", lambda: _newest_by_column(columns, per_column)
    )
    blocks = [ColumnBlock(column, newest.get(column.pk, [])) for column in columns]
    return [block for block in blocks if block.stories]


def _newest_by_column(columns, per_column):
    """{column id: links to its newest published stories}: one short index scan per column."""
    return {
        column.pk: _newest_links(
            Article.objects.published().filter(column=column).newest_first(), per_column
        )
        for column in columns
    }


def other_columns(column):
    """The other public columns, for a column page's sidebar."""
    return [other for other in public_columns() if other.pk != column.pk]


# One story


@dataclass(frozen=True)
class RelatedStory:
    """A related story as the story page lists it (kept in a fragment: no model instance)."""

    pk: int
    headline: str
    union_label: str
    publish_at: object
    url: str  # reversed once, when the fragment is built

    def get_absolute_url(self):
        return self.url


def related_stories(article, limit=RELATED_STORY_COUNT):
    """The newest published stories sharing a theme with article, topped up from its union.

    They change only with the public stories: kept as a fragment per story, so that a story
    page reads none of them (two queries and twelve stories built per view before).
    """
    return cache.fragment(
        f"related-stories:{article.pk}:{limit}",
        lambda: [
            RelatedStory(
                story.pk,
                story.headline,
                story.union.label,
                story.publish_at,
                story.get_absolute_url(),
            )
            for story in _related_stories(article, limit)
        ],
    )


def _related_stories(article, limit):
    """Newest first, so that the database walks the publication-date index and stops after
    `limit` stories instead of ranking every story that shares a theme."""
    candidates = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .select_related("union")
        .only("pk", "headline", "publish_at", "union__name", "union__short_name")
    )
    theme_ids = [theme.pk for theme in article.themes.all()]
    related = []
    if theme_ids:
        shares_a_theme = Exists(
            ArticleTheme.objects.filter(content_object=OuterRef("pk"), tag_id__in=theme_ids)
        )
        related = list(candidates.filter(shares_a_theme).newest_first()[:limit])
    if len(related) < limit:
        same_union = (
            candidates.by_union(article.union)
            .exclude(pk__in=[story.pk for story in related])
            .newest_first()[: limit - len(related)]
        )
        related.extend(same_union)
    # Readers expect the newest first, as in every other list on the site.
    related.sort(key=lambda story: (story.publish_at, story.pk), reverse=True)
    return related


def correction_time(article):
    """When the story was last corrected (the desk's record), or None; dates the 更正 box."""
    if not article.correction_note:
        return None
    return (
        article.events.filter(kind="corrected")
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def active_cities():
    """The active city federations, in the tree's order (the home page's blocks, the feeds)."""
    return list(Union.objects.active().filter(kind=Union.Kind.CITY).order_by(*Union.SIBLING_ORDER))


def feed_stories(*, union=None, theme=None, column=None):
    """The newest published stories for a feed (all, a union's subtree, a theme's, a column's)."""
    stories = Article.objects.published()
    if column is not None:
        stories = stories.filter(column=column)
    if union is not None:
        stories = stories.by_union(union)
    if theme is not None:
        stories = stories.by_theme(theme)
    return (
        stories.select_related("union")
        .prefetch_related("themes", "photos")
        .newest_first()[:FEED_ITEM_COUNT]
    )
