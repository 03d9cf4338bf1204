import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(command, **environment):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    env.update(environment, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("entry_point", ["newsroom.wsgi", "newsroom.asgi"])
def test_production_without_a_secret_key_refuses_to_start(entry_point):
    result = run(["-c", f"import {entry_point}"])
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_runserver_without_a_secret_key_refuses_to_start():
    result = run(["manage.py", "runserver", "127.0.0.1:0", "--noreload"], ALLOWED_HOSTS="x")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_with_a_secret_key_starts():
    result = run(["-c", "import newsroom.wsgi"], SECRET_KEY="x" * 50, ALLOWED_HOSTS="x.org")
    assert result.returncode == 0, result.stderr
    assert run(["manage.py", "check"], SECRET_KEY="x" * 50).returncode == 0


def test_commands_that_sign_nothing_run_without_a_key():
    result = run(["manage.py", "makemigrations", "--check", "--dry-run"])
    assert result.returncode == 0, result.stderr


def test_development_runs_without_a_secret_key():
    assert run(["manage.py", "check"], DEBUG="1").returncode == 0


def test_interface_defaults_to_simplified_chinese_and_shanghai(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_pages_are_chinese_whatever_the_browser_asks_for(client, db):
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-Hans"' in home and "首页" in home
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Form labels end with the full-width colon (Django's own catalogue has an ASCII one).
    assert "用户名\uff1a" in login
