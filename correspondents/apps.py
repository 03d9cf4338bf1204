from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondentsConfig(AppConfig):
    name = "correspondents"
    verbose_name = _("Correspondents")

    def ready(self):
        from correspondents import listeners  # noqa: F401  (follows accepted filings' stories)
