import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission

from demo.content import CITIES
from demo.services import _ensure_unions
from editorial.roles import EDITOR, REPORTER, ensure_groups
from tests.factories import make_union, make_user

ROOT = Path(__file__).resolve().parents[2]
# The real page lives in the steering folder beside the project (../shared/seeds), not in it;
# a git worktree one level further down (worktrees/NAME) finds it one level further up.
SEED_NAME = "000_4c385a978e0e8f57.txt"


def _seed_folder():
    if os.environ.get("NEWSROOM_SEEDS"):
        return Path(os.environ["NEWSROOM_SEEDS"])
    beside = [ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds"]
    return next((folder for folder in beside if folder.is_dir()), beside[0])


SEED_PAGE = _seed_folder() / SEED_NAME


@pytest.fixture
def seed_text():
    # A missing seed page fails: a skip would let CI pass without ever reading the real copy.
    if not SEED_PAGE.exists():
        pytest.fail(f"the seed page is not at {SEED_PAGE} (set NEWSROOM_SEEDS to its folder)")
    return SEED_PAGE.read_text(encoding="utf-8")


@pytest.fixture
def cities(province):
    """The province federation and its 16 city federations, by short name."""
    return {
        city: make_union(f"{city}市总工会", parent=province, kind="city", short_name=city)
        for city in CITIES
    }


@pytest.fixture
def demo_unions(db):
    """The unions of the demo: Anhui's federation, its 16 cities, some local unions."""
    _ensure_unions(SimpleNamespace(created_unions=0))


@pytest.fixture
def write_file(tmp_path):
    """Write bytes or text (UTF-8) to a file in a fresh folder and return its path."""

    def write(name, content):
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


def grant(user, *codenames):
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )
    return user


@pytest.fixture
def editor(db):
    """A desk user who may create, see and review stories: an editor, whom the import page
    asks for."""
    return grant(
        make_user("importing-editor", is_staff=True),
        "add_article",
        "change_article",
        "view_article",
        "review_article",
    )


def desk_member(group_name, username):
    """A desk account in one of the workflow's real groups (Reporter, Editor)."""
    ensure_groups()
    user = make_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def desk_reporter(db):
    return desk_member(REPORTER, "desk-reporter")


@pytest.fixture
def desk_editor(db):
    return desk_member(EDITOR, "desk-editor")


@pytest.fixture
def staff_without_add(db):
    return grant(make_user("looking-only", is_staff=True), "view_article")


# Full-width marks, written as escapes because in an editor they look like their ASCII twins.
_FULL_WIDTH = str.maketrans(
    {
        ",": "\uff0c",
        ";": "\uff1b",
        ":": "\uff1a",
        "?": "\uff1f",
        "!": "\uff01",
        "(": "\uff08",
        ")": "\uff09",
    }
)


def fw(text):
    """text with its ASCII , ; : ? ! ( ) made full-width: how the importer writes Chinese."""
    return text.translate(_FULL_WIDTH)
