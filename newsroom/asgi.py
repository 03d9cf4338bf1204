"""ASGI entry point: ``uvicorn newsroom.asgi:application``."""

import os

from django.core.asgi import get_asgi_application

from newsroom.serving import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

require_secret_key()
application = get_asgi_application()
