"""Panels that apps above editorial add to a story's change page (proofing's checks …).

Each entry is a callable panel(request, article) returning (template name, context); the
change page renders them below the workflow panel, so editorial never imports those apps.
"""

from django.template.loader import render_to_string

change_page_panels = []


def rendered_panels(request, article):
    """Each panel rendered from its own (auto-escaping) template."""
    return [
        render_to_string(template, context, request=request)
        for template, context in (panel(request, article) for panel in change_page_panels)
    ]
