"""The 公众号 copy and the partner tokens in the admin."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from syndication.models import PartnerToken
from syndication.wechat import render
from tests.factories import make_article, make_user
from tests.news.helpers import make_photo


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.update(name for name, _value in attrs)


@pytest.fixture
def story(city):
    story = make_article(
        union=city,
        status="published",
        headline="宿州为一线职工开设夜间技能课堂",
        is_staff_report=True,
        body='近日，宿州开设课堂<script>alert(1)</script>。\n\n## 学以致用\n\n职工"踊跃"报名。',
        bylines=[("reporter", "陈雪"), ("editor", "李文华")],
    )
    make_photo(story, is_lead=True, caption="职工在课堂上。", credit="姚佳佳")
    make_photo(story, position=1, caption="课堂一角。")
    return story


def test_the_wechat_html_has_only_inline_styles(story):
    html = str(render(story))
    parsed = _Attributes()
    parsed.feed(html)

    assert not parsed.attributes & {"class", "id"}
    assert "script" not in parsed.tags
    assert not any(name.startswith("on") for name in parsed.attributes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parsed.tags.count("img") == 2
    assert 'src="http://127.0.0.1:8000/media/CACHE/images/' in html
    assert "职工在课堂上。 姚佳佳/摄" in html
    assert "本报讯" in html and "（本报记者 陈雪）" in html and "责任编辑：李文华" in html


def test_the_copy_page_offers_a_copy_button(client, editor, story):
    client.force_login(editor)
    response = client.get(reverse("syndication:story_wechat", args=[story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="wechat-copy-button"' in html
    assert 'id="wechat-article"' in html
    assert str(render(story)) in html


def test_the_admin_action_opens_the_copy_page_for_one_story(client, editor, story, city):
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist")
    response = client.post(url, {"action": "copy_for_wechat", "_selected_action": [story.pk]})
    assert response.status_code == 302
    assert response["Location"] == reverse("syndication:story_wechat", args=[story.pk])

    other = make_article(union=city, status="published")
    response = client.post(
        url, {"action": "copy_for_wechat", "_selected_action": [story.pk, other.pk]}, follow=True
    )
    assert "只能选择一篇稿件" in response.content.decode()


def test_an_admin_creates_a_token_sees_it_once_and_revokes_it(client, db):
    admin_user = make_user("chief", is_staff=True, is_superuser=True)
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:syndication_partnertoken_add"), {"name": "安徽工人日报"}, follow=True
    )
    row = PartnerToken.objects.get()
    message = next(str(m) for m in response.context["messages"])
    token = message.split("令牌是 ")[1].split("。")[0]
    assert token.startswith(row.key_prefix)
    assert row.created_by == admin_user
    assert client.get("/api/ninjs/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    # Only its hash is stored.
    assert token not in row.key_hash

    client.post(
        reverse("admin:syndication_partnertoken_changelist"),
        {"action": "revoke", "_selected_action": [row.pk]},
    )
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert client.get("/api/ninjs/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    changelist = client.get(reverse("admin:syndication_partnertoken_changelist"))
    assert "安徽工人日报" in changelist.content.decode()
