"""The Word export for the paper, read back through the importer: the same stories."""

import io

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from importer.services import import_copy
from importer.sources import read_source
from tests.editorial.conftest import member
from tests.factories import make_article, make_column
from tests.news.helpers import make_photo


@pytest.fixture
def stories(city, county):
    now = timezone.now()
    news = make_article(
        publish_at=now - timezone.timedelta(hours=1),
        union=city,
        status="published",
        kicker="职工之家里学本领",
        headline="宿州为一线职工开设夜间技能课堂",
        is_staff_report=True,
        body="近日，宿州市总工会在三家职工之家开设夜间技能课堂。\n\n课堂每周开课三次，职工免费报名。",
        bylines=[("reporter", "陈雪"), ("correspondent", "孙晓东")],
    )
    make_photo(news, is_lead=True, caption="职工在课堂上学习电工操作。", credit="姚佳佳")
    photo_news = make_article(
        publish_at=now - timezone.timedelta(hours=2),
        union=county,
        status="published",
        genre="photo",
        headline="泗县职工书屋走进田间地头",
        body="近日，泗县总工会把职工书屋搬到田间地头，农民工在休息时读书看报。",
        bylines=[("photographer", "王志刚")],
    )
    make_photo(photo_news, is_lead=True, caption="")
    feature = make_article(
        publish_at=now - timezone.timedelta(hours=3),
        union=city,
        status="published",
        genre="feature",
        headline="扎根乡村的工会干部",
        subheadline="追记宿州市总工会驻村第一书记",
        column=make_column("一线故事"),
        body=(
            "他在村里一干就是三年。\n\n## 为初心再当一回农民\n\n"
            "刚到村里时，他挨家挨户走访。\n\n## 把职工之家建到村头\n\n村里有了第一个职工之家。"
        ),
        bylines=[("author", "黄元明")],
    )
    return [news, photo_news, feature]


@pytest.fixture
def county(city):
    from tests.factories import make_union

    return make_union("泗县总工会", parent=city, kind="county", short_name="泗县")


def export_from_admin(client, stories):
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "export_word", "_selected_action": [story.pk for story in stories]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith('attachment; filename="stories-3-')
    return response.content


def test_the_admin_export_reads_back_as_the_same_stories(client, editor, stories):
    client.force_login(editor)
    data = export_from_admin(client, stories)
    # Newest first, as the desk sends them; the column of the last one follows it, as on the
    # printed page (the importer reads a column line only after the last story).

    report = import_copy(files=[read_source("见报稿.docx", data)], user=editor, dry_run=True)

    imported = [outcome.story for outcome in report.outcomes]
    assert len(imported) == len(stories)
    for story, parsed, outcome in zip(stories, imported, report.outcomes, strict=True):
        assert parsed.headline == story.headline
        assert parsed.kicker == story.kicker
        assert parsed.subheadline == story.subheadline
        assert outcome.union_name == story.union.name
        assert parsed.genre == story.genre
        assert parsed.staff_report == story.is_staff_report
        # A photo's credit in its caption ("…（姚佳佳/摄）") comes back as its photographer.
        credits = [(photo.credit, "photographer") for photo in story.photos.all() if photo.credit]
        assert (
            parsed.bylines
            == [(byline.name, byline.role) for byline in story.bylines.all()] + credits
        )
        assert [(block.type, block.text) for block in parsed.body] == [
            (block.type, block.text) for block in story.blocks
        ]
    assert imported[-1].column == "一线故事"
    # A photo's caption is kept with its story for the editor (who adds the picture by hand),
    # its credit read as the photographer: no line is left over.
    leftovers = [line for summary in report.sources for line in summary.leftovers]
    assert leftovers == []
    captions = [caption for parsed in imported for caption in parsed.photos]
    assert len(captions) == sum(story.photos.count() for story in stories)
    named = [caption for caption in captions if caption]
    assert named == ["职工在课堂上学习电工操作。（姚佳佳/摄）"]


def test_the_word_file_uses_the_papers_styles_and_embeds_photos(client, editor, stories):
    client.force_login(editor)
    story = stories[0]
    response = client.get(reverse("syndication:story_docx", args=[story.pk]))
    assert response.status_code == 200

    document = docx.Document(io.BytesIO(response.content))
    styled = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert ("单位", "宿州市总工会") in styled
    assert ("引题", "职工之家里学本领") in styled
    assert ("标题", "宿州为一线职工开设夜间技能课堂") in styled
    assert ("正文", "本报讯 近日，宿州市总工会在三家职工之家开设夜间技能课堂。") in styled
    assert ("署名", "（本报记者 陈雪 通讯员 孙晓东）") in styled
    assert ("图片说明", "职工在课堂上学习电工操作。（姚佳佳/摄）") in styled
    assert len(document.inline_shapes) == 1
    # 本报讯 is set in bold, as printed.
    dateline = next(p for p in document.paragraphs if p.text.startswith("本报讯"))
    assert dateline.runs[0].bold is True


def test_the_export_needs_a_desk_account(client, stories):
    response = client.get(reverse("syndication:story_docx", args=[stories[0].pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_reporter_exports_only_stories_they_may_see(client, stories, db):
    from editorial.roles import REPORTER

    reporter = member(REPORTER, "chenxue")
    client.force_login(reporter)
    assert client.get(reverse("syndication:story_docx", args=[stories[0].pk])).status_code == 404
    own = make_article(union=stories[0].union, created_by=reporter, headline="自己的稿件")
    assert client.get(reverse("syndication:story_docx", args=[own.pk])).status_code == 200
    assert Article.objects.count() == 4
