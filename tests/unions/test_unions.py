import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import make_article, make_union
from unions.models import Union
from unions.slugs import pinyin_slug

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("蚌埠市总工会", "beng-bu-shi-zong-gong-hui"),
        ("六安市总工会", "lu-an-shi-zong-gong-hui"),
        ("亳州市总工会", "bo-zhou-shi-zong-gong-hui"),
        ("宿州市总工会", "su-zhou-shi-zong-gong-hui"),
        ("中铁4局ABC工会", "zhong-tie-4-ju-abc-gong-hui"),
        ("合肥新站高新区总工会", "he-fei-xin-zhan-gao-xin-qu-zong-gong-hui"),
    ],
)
def test_pinyin_slug_reads_place_names_right(name, slug):
    assert pinyin_slug(name) == slug


def test_homophone_unions_get_distinct_working_slugs(client, province):
    suzhou_anhui = make_union("宿州市总工会", parent=province)
    suzhou_jiangsu = make_union("苏州市总工会")
    assert suzhou_anhui.slug == "su-zhou-shi-zong-gong-hui"
    assert suzhou_jiangsu.slug == "su-zhou-shi-zong-gong-hui-2"
    assert Union.objects.get(slug=suzhou_jiangsu.slug) == suzhou_jiangsu


def test_slug_is_ascii_for_names_with_no_chinese_reading():
    union = make_union("★★★")
    assert union.slug == "union"
    assert union.slug.isascii()


def test_slug_stays_when_the_name_changes(city):
    slug = city.slug
    city.name = "宿州市总工会(新)"
    city.save()
    city.refresh_from_db()
    assert city.slug == slug


def test_tree_paths_and_depths(province, city):
    county = make_union("泗县总工会", parent=city, kind="county")
    assert (province.depth, city.depth, county.depth) == (0, 1, 2)
    assert county.path.startswith(city.path) and city.path.startswith(province.path)
    assert list(county.ancestors()) == [province, city]


def test_moving_a_union_moves_its_subtree(province, city):
    county = make_union("泗县总工会", parent=city, kind="county")
    enterprise = make_union("泗县某企业工会", parent=county, kind="enterprise")
    other_city = make_union("蚌埠市总工会", parent=province)
    county.parent = other_city
    county.save()
    enterprise.refresh_from_db()
    assert enterprise.path.startswith(other_city.path)
    assert enterprise.depth == 3
    assert set(Union.objects.descendants(city)) == set()
    assert set(Union.objects.descendants(other_city)) == {county, enterprise}


def test_a_union_cannot_be_put_under_its_own_descendant(city):
    county = make_union("泗县总工会", parent=city, kind="county")
    city.parent = county
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert error.value.error_dict["parent"][0].code == "cyclic_parent"


def _build_tree(root, width):
    for index in range(width):
        county = make_union(f"{root.name}下属{index}县总工会", parent=root, kind="county")
        for inner in range(width):
            make_union(f"{county.name}企业{inner}工会", parent=county, kind="enterprise")


@pytest.mark.parametrize("width", [1, 4])
def test_subtree_stories_take_constant_queries(province, city, width):
    _build_tree(city, width)
    for union in Union.objects.subtree(city):
        make_article(union=union, status=Article.Status.PUBLISHED)
    with CaptureQueriesContext(connection) as queries:
        unions = list(Union.objects.subtree(city))
        stories = list(Article.objects.published().by_union(city))
    # The subtree, then its stories by the subtree's ids (ArticleQuerySet.by_union).
    assert len(queries) == 3
    assert len(unions) == 1 + width + width * width
    assert len(stories) == len(unions)
