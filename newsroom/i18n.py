"""Strings of Django's own that the project translates differently.

Django's zh_Hans catalogue puts an ASCII colon after form labels ("工会:"); Chinese text takes
the full-width one. The project catalogue (locale/, which wins over Django's) translates it.
"""

from django.utils.translation import gettext_noop

FORM_LABEL_SUFFIX = gettext_noop(":")
