from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Information work (信息工作)")

    def ready(self):
        from reporting import listeners  # noqa: F401  (records the home page's lead story)
