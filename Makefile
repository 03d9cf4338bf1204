# make run  : set up .venv, migrate, load the demo, serve on http://127.0.0.1:8000 with a task worker
# make test : install what the tests need, then run ruff and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST_PORT ?= 127.0.0.1:8000
# Root installs system packages itself; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install install-test browser-deps fonts lint messages benchmark benchmark-scale clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install fonts
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 SITE_URL=http://$(HOST_PORT) $(BIN)/python manage.py load_demo
	@# The task worker runs beside the web server and stops with it.
	DEBUG=1 SITE_URL=http://$(HOST_PORT) $(BIN)/python manage.py db_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		DEBUG=1 SITE_URL=http://$(HOST_PORT) $(BIN)/python manage.py runserver $(HOST_PORT)

# Debian's Chromium and CJK fonts for the browser tests (Playwright cannot download browsers
# here), and gettext, with which a test checks that every message has a translation.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1 || ! command -v xgettext >/dev/null; then \
		echo "Installing chromium, fonts-noto-cjk and gettext with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk gettext >/dev/null; \
	fi

# The CJK fonts share cards are drawn with (Debian's fonts-noto-cjk, SIL OFL; README: Readers, sharing and partners).
fonts:
	@if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
		echo "Installing fonts-noto-cjk with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test browser-deps lint
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings
	$(BIN)/pytest -n 2

# Each app keeps its catalogue in <app>/locale; templates/ and newsroom/ use locale/.
messages: install-test
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py makemessages --locale=zh_Hans \
		--ignore='tests/*' --ignore='benchmarks/*' --no-obsolete
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python manage.py compilemessages --ignore='.venv/*'

benchmark: install-test
	for script in benchmarks/[!_]*.py; do \
		case $$script in benchmarks/scale.py|benchmarks/page_cost.py) continue;; esac; \
		echo "== $$script"; DEBUG=1 $(BIN)/python $$script || exit 1; done

# 1,000 and 100,000 stories on PostgreSQL (BENCH_DATABASE_URL), in-process and gunicorn + wrk
# (Debian's wrk, installed here when missing).
benchmark-scale: install-test
	@if ! command -v wrk >/dev/null; then \
		echo "Installing wrk with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; \
	fi
	$(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) var test-artifacts
