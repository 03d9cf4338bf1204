"""Panels and inlines that apps above editorial add to a story's change page (proofing's
checks, reporting's adoptions …), so editorial never imports those apps.

Each panel is a callable panel(request, article) returning (template name, context); the
change page renders them below the workflow panel. Each inline is an InlineModelAdmin class
for a model with a foreign key to the story, added in the app's AppConfig.ready(); it shows on
the change page of an existing story. Inlines hold records *about* the story, not its copy:
saving them edits no copy, so it records no correction.
"""

from django.template.loader import render_to_string

change_page_panels = []
change_page_inlines = []


def add_inline(inline):
    """Adds an app's inline to the story's change page (once, however often ready() runs)."""
    if inline not in change_page_inlines:
        change_page_inlines.append(inline)


def is_extra_formset(formset):
    """Whether a formset of the change page belongs to an app's inline (not to the copy)."""
    return any(formset.model is inline.model for inline in change_page_inlines)


def rendered_panels(request, article):
    """Each panel rendered from its own (auto-escaping) template."""
    return [
        render_to_string(template, context, request=request)
        for template, context in (panel(request, article) for panel in change_page_panels)
    ]
