"""The search document follows its story: edits, bylines, themes, deletion, and the rebuild."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from taggit.models import Tag

from articles.models import Byline
from search import backends
from search.models import SearchDocument
from search.segmentation import parse_query

from .conftest import found, published, search

pytestmark = pytest.mark.django_db


def test_an_edited_headline_is_searched_at_once(client, city):
    story = published(union=city, headline="劳模贷发放仪式")

    story.headline = "职工书屋揭牌"
    story.save()

    assert found(search(client, "劳模贷")) == []
    assert found(search(client, "职工书屋")) == [story]


def test_a_save_that_changes_nothing_searched_keeps_the_document(city):
    story = published(union=city, headline="劳模贷发放仪式")
    indexed_at = SearchDocument.objects.get(article=story).indexed_at

    story.version += 1
    story.save(update_fields=["version"])
    story.save()

    assert SearchDocument.objects.get(article=story).indexed_at == indexed_at


def test_bylines_added_and_removed_later(client, city):
    story = published(union=city, headline="夜校开课")

    byline = Byline.objects.create(article=story, name="姚佳佳", role=Byline.Role.PHOTOGRAPHER)
    assert found(search(client, "姚佳佳")) == [story]

    byline.name = "黄元明"
    byline.save()
    assert found(search(client, "姚佳佳")) == []
    assert found(search(client, "黄元明")) == [story]

    byline.delete()
    assert found(search(client, "黄元明")) == []


def test_themes_added_removed_renamed_and_deleted(client, city):
    story = published(union=city, headline="夜校开课")

    story.themes.add("普惠服务")
    assert found(search(client, "普惠服务")) == [story]

    story.themes.set(["乡村振兴"])
    assert found(search(client, "普惠服务")) == []
    assert found(search(client, "乡村振兴")) == [story]

    theme = Tag.objects.get(name="乡村振兴")
    theme.name = "脱贫攻坚"
    theme.save()
    assert found(search(client, "乡村振兴")) == []
    assert found(search(client, "脱贫攻坚")) == [story]

    theme.delete()
    assert found(search(client, "脱贫攻坚")) == []

    story.themes.add("关爱职工子女")
    story.themes.clear()
    assert found(search(client, "关爱职工子女")) == []


def test_deleting_a_story_deletes_its_document(city):
    story = published(
        union=city, headline="夜校开课", themes=["职工书屋"], bylines=[("reporter", "陈雪")]
    )

    story.delete()

    assert not SearchDocument.objects.exists()


def test_the_document_weighs_headline_body_and_credits_apart(city):
    story = published(
        union=city,
        kicker="宿州",
        headline="劳模贷",
        subheadline="助力职工创业",
        body="## 小标题\n\n正文写到工会。",
        correction_note="更正说明",
        themes=["普惠服务"],
        bylines=[("reporter", "陈雪")],
    )

    document = SearchDocument.objects.get(article=story)

    if connection.vendor == "postgresql":
        # The weighted vector holds the words (headline A, body B, credits C); the word lists
        # it was made from are not kept twice.
        vector = document.search_vector
        weights = {word: weight for word, weight in re.findall(r"'([^']+)':[\d,]+([ABC])?", vector)}
        assert weights["劳模"] == weights["劳模贷"] == "A"
        assert weights["工会"] == weights["小标题"] == weights["更正"] == "B"
        assert weights["普惠服务"] == weights["陈"] == "C"
        assert document.headline_terms == document.body_terms == document.credit_terms == ""
    else:
        assert " 劳模 " in document.headline_terms and " 劳模贷 " in document.headline_terms
        assert " 工会 " in document.body_terms and " 小标题 " in document.body_terms
        assert " 更正 " in document.body_terms
        assert " 普惠服务 " in document.credit_terms and " 陈 " in document.credit_terms
    assert "##" not in document.text


def test_rebuild_search_index_restores_every_document(client, city, capsys):
    first = published(union=city, headline="劳模贷发放仪式")
    second = published(union=city, headline="劳模工作室揭牌")
    SearchDocument.objects.filter(article=first).delete()
    SearchDocument.objects.filter(article=second).update(
        headline_terms="", body_terms="", credit_terms="", text="", search_vector=None
    )
    assert found(search(client, "劳模")) == []

    call_command("rebuild_search_index", batch_size=1)

    assert "2" in capsys.readouterr().out
    assert set(found(search(client, "劳模"))) == {first, second}


def test_rebuild_search_index_missing_only_indexes_stories_without_a_document(city, capsys):
    kept = published(union=city, headline="劳模贷发放仪式")
    lost = published(union=city, headline="劳模工作室揭牌")
    SearchDocument.objects.filter(article=lost).delete()
    kept_indexed_at = SearchDocument.objects.get(article=kept).indexed_at

    call_command("rebuild_search_index", "--missing")

    assert " 1 " in capsys.readouterr().out
    assert SearchDocument.objects.get(article=kept).indexed_at == kept_indexed_at
    assert SearchDocument.objects.filter(article=lost).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search")
def test_postgresql_answers_from_the_gin_index(city):
    story = published(union=city, headline="劳模贷发放仪式", body="宿州市总工会推出劳模贷。")
    query = backends.tsquery(parse_query("劳模贷 工会").terms)
    matching = SearchDocument.objects.filter(search_vector=query)

    assert list(matching.values_list("article", flat=True)) == [story.pk]
    with connection.cursor() as cursor:
        # The table is tiny: forbid the sequential scan to see that the index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = matching.explain()
    assert "Bitmap Index Scan on search_document_vector" in plan
