"""Every interface string has a Simplified Chinese translation, compiled and committed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "var", "test-artifacts", "node_modules", ".pytest_cache", ".ruff_cache"}


def catalogues(root):
    return sorted(
        path
        for path in root.rglob("locale/zh_Hans/LC_MESSAGES/django.po")
        if not SKIPPED & set(path.relative_to(root).parts)
    )


def untranslated(po_path):
    catalogue = polib.pofile(str(po_path))
    return [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def test_every_catalogue_is_complete():
    assert catalogues(ROOT), "no zh_Hans catalogue found"
    for po_path in catalogues(ROOT):
        assert untranslated(po_path) == [], f"untranslated in {po_path.relative_to(ROOT)}"


def test_compiled_catalogues_match_their_sources():
    for po_path in catalogues(ROOT):
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path.relative_to(ROOT)} is missing: run make messages"
        source = {
            (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path)) if not e.obsolete
        }
        source = {key: text for key, text in source.items() if text}
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if e.msgid}
        plural_free = {key: text for key, text in compiled.items() if text}
        assert plural_free == source, f"{mo_path.relative_to(ROOT)} is stale: run make messages"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools are not installed")
def test_no_string_in_the_code_lacks_a_translation(tmp_path):
    """Extract the messages afresh from a copy of the project: nothing new may be untranslated."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=lambda directory, names: [n for n in names if n in SKIPPED])
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale=zh_Hans",
            "--ignore=tests/*",
            "--ignore=benchmarks/*",
            "--verbosity=0",
        ],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(copy)},
        check=True,
    )
    missing = {
        str(po_path.relative_to(copy)): untranslated(po_path)
        for po_path in catalogues(copy)
        if untranslated(po_path)
    }
    assert missing == {}, "msgids without a translation: run make messages and translate them"
