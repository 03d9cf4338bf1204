"""WSGI entry point: ``gunicorn newsroom.wsgi`` (and what runserver serves)."""

import os

from django.core.wsgi import get_wsgi_application

from newsroom.serving import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

require_secret_key()
application = get_wsgi_application()
