from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Public site")

    def ready(self):
        from news import checks  # noqa: F401  (registers the deployment checks)
        from news.cache import connect_signals

        connect_signals()
