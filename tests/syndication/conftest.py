import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from editorial.roles import EDITOR
from syndication.models import PartnerToken
from tests.editorial.conftest import member

SCHEMA = json.loads((Path(__file__).parent / "ninjs-schema_2.1.json").read_text("utf-8"))


@pytest.fixture
def ninjs_validator():
    Draft202012Validator.check_schema(SCHEMA)
    return Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture
def partner(db):
    """partner(name) -> (PartnerToken, token)."""

    def make(name="安徽工人日报"):
        token_row = PartnerToken(name=name)
        token = token_row.issue()
        token_row.save()
        return token_row, token

    return make


@pytest.fixture
def api(client, partner):
    """A client that sends a valid partner token."""
    _row, token = partner()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.fixture
def editor(db):
    return member(EDITOR, "liming")
