from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProofingConfig(AppConfig):
    name = "proofing"
    verbose_name = _("Proofreading")

    def ready(self):
        from editorial.admin.panels import change_page_panels
        from editorial.services.signoffs import signoff_guards
        from proofing import panels, services

        # Blocking checks refuse a sign-off through editorial's guard list, and the findings
        # join the story's change page, without editorial knowing this app.
        if services.refuse_blocking_findings not in signoff_guards:
            signoff_guards.append(services.refuse_blocking_findings)
        if panels.proofing_panel not in change_page_panels:
            change_page_panels.append(panels.proofing_panel)
