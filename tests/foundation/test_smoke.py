from tests.factories import make_article


def test_article_saves(city):
    article = make_article(union=city)
    assert article.pk
