from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Information work (信息工作)")

    def ready(self):
        from editorial.admin.panels import add_inline
        from reporting import listeners  # noqa: F401  (头条 records and the statistics' summary)
        from reporting.admin import AdoptionInline

        # The story's adoptions are edited on its own change page (editorial's extension point).
        add_inline(AdoptionInline)
