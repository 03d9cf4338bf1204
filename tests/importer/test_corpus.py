"""The corpus of pages in other papers' conventions, scored field by field against the stories
written down by hand beside each page (tests/importer/corpus/*.expected.json)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from importer import scoring
from tests.importer.conftest import SEED_PAGE

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent / "corpus"
SEED_EXPECTED = Path(__file__).resolve().parent / "seed.expected.json"


def score(*args):
    out = StringIO()
    call_command("score_import", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_corpus_holds_six_pages_in_other_conventions_and_two_word_files():
    pages = scoring.pages_in([CORPUS])
    assert len([page for page, _ in pages if page.suffix == ".txt"]) >= 6
    assert len([page for page, _ in pages if page.suffix == ".docx"]) >= 2
    assert all(expected.exists() for _page, expected in pages)


def test_the_importer_finds_the_corpus_stories_and_reads_their_fields(demo_unions):
    scores = [scoring.score_page(page, expected) for page, expected in scoring.pages_in([CORPUS])]
    whole = scoring.total(scores)
    misses = [(score.name, *miss) for score in scores for miss in score.wrong]
    assert whole.found_share >= 0.95, misses
    assert whole.fields_share >= 0.90, misses
    assert whole.expected >= 25


def test_the_seed_page_is_read_perfectly(demo_unions, seed_text):
    page = scoring.score_page(SEED_PAGE, SEED_EXPECTED)
    assert page.wrong == []
    assert (page.found, page.expected, page.extra) == (9, 9, 0)
    assert page.fields_share == 1.0


def test_score_import_prints_per_page_and_per_field_the_share_right(demo_unions):
    out = score(CORPUS)
    lines = out.splitlines()
    header = lines[0].split()
    assert header[:3] == ["stories", "headline", "kicker"]
    assert {"union", "genre", "staff_report", "bylines", "paragraphs", "intertitles"} <= set(header)
    assert {"column", "editors_note"} <= set(header)
    assert any(line.startswith("01_jiangsu_city_page.txt") for line in lines)
    assert any(line.startswith("07_reporter_feature.docx") for line in lines)
    assert "全部版面" in out and "找到稿件：" in out and "字段正确：" in out


def test_score_import_names_what_it_read_wrong(demo_unions, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "送法进企业\n\n本报讯 近日,宿州市总工会开展送法活动。(陈雪)\n", encoding="utf-8"
    )
    (tmp_path / "page.txt.expected.json").write_text(
        '{"stories": [{"opening": "近日", "headline": "送法进工厂", "union": "宿州市总工会",'
        ' "genre": "news", "staff_report": true, "bylines": [{"name": "陈雪", "role": "author"}],'
        ' "paragraphs": 1}], "leftover": []}',
        encoding="utf-8",
    )
    out = score(tmp_path, "--verbose-misses")
    assert "1/1" in out
    assert "《送法进工厂》 headline: '送法进工厂' ≠ '送法进企业'" in out


def test_score_import_refuses_a_folder_without_expected_stories(tmp_path, db):
    with pytest.raises(CommandError, match="没有找到"):
        score(tmp_path)
