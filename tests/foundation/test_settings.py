import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**environment):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    env.update(environment, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_without_a_secret_key_refuses_to_start():
    result = run_check()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_with_a_secret_key_starts():
    result = run_check(SECRET_KEY="x" * 50, ALLOWED_HOSTS="news.example.org")
    assert result.returncode == 0, result.stderr


def test_development_runs_without_a_secret_key():
    assert run_check(DEBUG="1").returncode == 0


def test_interface_defaults_to_simplified_chinese_and_shanghai(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_pages_are_chinese_whatever_the_browser_asks_for(client, db):
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-Hans"' in home and "首页" in home
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Form labels end with the full-width colon (Django's own catalogue has an ASCII one).
    assert "用户名\uff1a" in login
