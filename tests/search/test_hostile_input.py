"""Empty, absurd and hostile queries get a friendly page: never an error, never raw HTML."""

import pytest

from .conftest import SEARCH_URL, found, published, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(city):
    return published(union=city, headline="工会劳模贷助力职工创业", body="宿州市总工会推出劳模贷。")


@pytest.mark.parametrize(
    "query",
    [
        "!!!",
        "。,、;:?!“”《》——……",
        "& | ! : * ( )",
        "' OR 1=1 --",
        "工会 & ! 劳模:* | (",
        "工会')) OR 1=1; DROP TABLE articles_article; --",
        "%_%",
        "\\",
        "工会\x00劳模",
        "\u200b\u200b",
        "😀🎉",
        "工会" * 500,
        "工 会 劳 模 " * 40,
        "a" * 5000,
    ],
)
def test_odd_queries_answer_a_friendly_page(client, story, query):
    response = search(client, query)

    assert response.context["hits"] is not None
    assert "搜索" in response.content.decode()


def test_tsquery_operators_are_searched_as_punctuation(client, story):
    assert found(search(client, "工会 & ! 劳模:* | (")) == [story]


def test_a_query_of_punctuation_only_says_there_is_nothing_to_search_for(client, story):
    content = search(client, "!!!").content.decode()

    assert "“!!!”中没有可供搜索的词语" in content


def test_script_in_a_query_is_shown_as_text(client, story):
    response = search(client, '<script>alert("工会")</script><img src=x onerror=alert(1)>')
    content = response.content.decode()

    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert(&quot;工会&quot;)&lt;/script&gt;" in content


def test_a_long_query_is_shortened_with_a_notice(client, story):
    response = search(client, "劳模贷" + "工会" * 200)
    content = response.content.decode()

    assert found(response) == [story]
    assert "搜索内容过长" in content
    assert len(response.context["query"]) == 100


def test_a_nul_byte_in_a_query_is_a_space(client, story):
    assert found(search(client, "劳模贷\x00工会")) == [story]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "工会", "union": "\x00"},
        {"q": "工会", "theme": "' OR 1=1 --"},
        {"q": "工会", "page": "-1"},
        {"q": "工会", "page": "1e9"},
        {"q": ["工会", "劳模"]},
    ],
)
def test_odd_parameters_answer_a_friendly_page(client, story, params):
    response = client.get(SEARCH_URL, params)

    assert response.status_code == 200


def test_html_in_a_headline_is_escaped_around_the_marks(client, city):
    published(union=city, headline="<b>工会</b>&职工", body="正文里也有<i>工会</i>二字。")

    content = search(client, "工会").content.decode()

    assert "&lt;b&gt;<mark>工会</mark>&lt;/b&gt;&amp;职工" in content
    assert "正文里也有&lt;i&gt;<mark>工会</mark>&lt;/i&gt;二字" in content
    assert "<b>工会" not in content


def test_a_query_cannot_mark_inside_escaped_entities(client, city):
    published(union=city, headline="工会 & 职工 <东西>", body="amp lt gt")

    content = search(client, "工会 amp lt").content.decode()

    assert "工会</mark> &amp; 职工 &lt;东西&gt;" in content


def test_post_is_refused(client, story):
    assert client.post(SEARCH_URL, {"q": "工会"}).status_code == 405
