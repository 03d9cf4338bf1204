import pytest
from django.contrib.auth.models import Permission

from editorial.roles import EDITOR
from tests.editorial.conftest import (  # noqa: F401  (the desk's accounts and stories)
    editor,
    login,
    member,
    reporter,
    second_editor,
    story,
)


@pytest.fixture
def overrider(db):
    """An editor who may override blocking checks."""
    user = member(EDITOR, "shenhe", first_name="沈核")
    user.user_permissions.add(
        Permission.objects.get(codename="override_check", content_type__app_label="proofing")
    )
    return user
