"""A blocking check stops the sign-off until the copy is fixed or the check is overridden; a
proofreading round records who, when and how much changed."""

import reversion

from proofing.models import CheckOverride, ProofreadingRound, SensitiveWord
from tests.editorial.helpers import change_url, form_data, message_codes, transition_url


def publish(client, article):
    return client.post(
        transition_url(article, "approve"),
        {"when": "now", "opinion": "同意", "version": article.version},
        follow=True,
    )


def test_a_blocking_check_refuses_the_signoff_until_fixed(story, editor, second_editor, login):
    SensitiveWord.objects.create(word="禁用词")
    article = story(status="review", body="正文里有禁用词。")
    assert message_codes(publish(login(editor), article)) == ["blocking_check"]
    article.refresh_from_db()
    assert article.status == "review"

    client = login(second_editor)
    data = form_data(client.get(change_url(article)))
    data["body"] = "正文已经改好。"
    client.post(change_url(article), data)
    article.refresh_from_db()
    assert message_codes(publish(login(editor), article)) == ["approved"]


def test_an_override_with_a_reason_lets_the_signoff_through(story, overrider, login):
    SensitiveWord.objects.create(word="禁用词")
    article = story(status="review", body="正文里有禁用词。")
    client = login(overrider)
    url = f"/proofing/{article.pk}/override/"
    # Without a reason nothing is overridden.
    refused = client.post(url, {"code": "sensitive_word", "reason": "", "version": article.version})
    assert message_codes(refused) == ["reason_required"]
    assert not CheckOverride.objects.exists()
    client.get(change_url(article))  # shows and clears the message

    done = client.post(
        url,
        {"code": "sensitive_word", "reason": "引用原话，已请示领导", "version": article.version},
    )
    assert message_codes(done) == ["check_overridden"]
    assert message_codes(publish(client, article))[-1:] == ["approved"]
    page = client.get(change_url(article)).content.decode()
    assert "引用原话，已请示领导" in page  # in the timeline


def test_only_those_allowed_override(story, editor, login):
    SensitiveWord.objects.create(word="禁用词")
    article = story(status="review", body="正文里有禁用词。")
    response = login(editor).post(
        f"/proofing/{article.pk}/override/",
        {"code": "sensitive_word", "reason": "我想发", "version": article.version},
    )
    assert message_codes(response) == ["not_allowed"]
    assert not CheckOverride.objects.exists()


def test_a_proofreading_round_records_what_changed(story, editor, second_editor, login):
    article = story(status="review", body="职工的的权益。")
    with reversion.create_revision():  # as filed: the first version in the history
        reversion.add_to_revision(article)
    client = login(second_editor)
    data = form_data(client.get(change_url(article)))
    data["body"] = "职工的权益。"
    client.post(change_url(article), data)
    article.refresh_from_db()
    response = client.post(
        f"/proofing/{article.pk}/round/", {"version": article.version}, follow=True
    )
    assert message_codes(response)[-1:] == ["proofread"]
    proof_round = ProofreadingRound.objects.get(article=article)
    assert (proof_round.number, proof_round.proofreader) == (1, second_editor)
    assert proof_round.characters_changed >= 1
    page = client.get(change_url(article)).content.decode()
    assert "一校" in page


def test_a_reporter_does_not_proofread(story, reporter, login):
    article = story(status="review")
    response = login(reporter).post(f"/proofing/{article.pk}/round/", {"version": 1})
    assert response.status_code in (302, 404)
    assert not ProofreadingRound.objects.exists()


def test_the_signoff_form_shows_the_findings_marked(story, editor, login):
    SensitiveWord.objects.create(word="禁用词")
    article = story(status="review", body="正文里有禁用词。")
    page = login(editor).get(transition_url(article, "approve"), {"version": article.version})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<mark class="proof-mark proof-mark--sensitive_word">禁用词</mark>' in html
