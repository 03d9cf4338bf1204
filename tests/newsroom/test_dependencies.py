"""Dependencies point down: the apps at the bottom know nothing of the apps built on them.

Every module of each app is imported (so a broken one fails here) and read for its imports,
including those inside functions, which a lazy import would otherwise hide.
"""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The apps above the stories: the desk, the public site, and everything built on them.
UPPER = {
    "editorial",
    "news",
    "search",
    "importer",
    "demo",
    "proofing",
    "correspondents",
    "reporting",
    "planning",
    "syndication",
    "sharing",
}
# What each lower app may import of the project's apps (besides itself).
LOWER = {
    "unions": set(),
    "articles": {"unions"},
    "photos": {"articles", "unions"},
}
# The desk renders a story through news.rendering; the public site's views are above it.
EDITORIAL_REFUSED = {"news.views", "search", "importer", "demo"}


def modules_of(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        yield ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imported_names(module_name):
    """Every module the module imports, at the top or inside functions."""
    module = importlib.import_module(module_name)
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def top_app(name):
    return name.split(".")[0]


@pytest.mark.parametrize("app", sorted(LOWER))
def test_the_lower_apps_import_nothing_above_them(app):
    allowed = LOWER[app] | {app}
    upward = {
        f"{module} imports {name}"
        for module in modules_of(app)
        for name in imported_names(module)
        if top_app(name) in (UPPER | set(LOWER)) - allowed
    }
    assert not upward, sorted(upward)


def test_the_desk_imports_neither_the_public_views_nor_the_apps_above_it():
    refused = {
        f"{module} imports {name}"
        for module in modules_of("editorial")
        for name in imported_names(module)
        if any(name == bad or name.startswith(bad + ".") for bad in EDITORIAL_REFUSED)
    }
    assert not refused, sorted(refused)


def test_the_check_sees_an_upward_import():
    """The test above can fail: editorial's own modules do import articles."""
    names = set(imported_names("editorial.services.transitions"))
    assert "articles.models" in names
