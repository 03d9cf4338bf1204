# ruff: noqa: E501  (message ids are quoted whole, exactly as the libraries write them)
"""The libraries' words on the desk, in the desk's Chinese (see docs/glossary.md).

django-axes, the task results of django-tasks-db, django-reversion and a few newer phrases of
Django's admin come without a Simplified Chinese translation, or with Django's stock phrasing
("选择 稿件 来修改"). Their message ids are listed here so that `make messages` keeps them in
editorial's catalogue, which Django reads before the libraries' own (editorial is listed before
them in INSTALLED_APPS). Nothing here is called at run time except rename_library_apps().
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

LIBRARY_MESSAGES = [
    # Django's admin: newer phrases its catalogue lacks, and stock phrasing the desk rewrites.
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Models in the %(name)s application"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Save and add another"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Changed {fields}."),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Search"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    # django-taggit: its tags are the desk's themes (专题), and the tagged items on their page.
    gettext_noop("Taggit"),
    gettext_noop("tag"),
    gettext_noop("tags"),
    gettext_noop("object ID"),
    # Django's admin and auth: 您 where Django's catalogue says 你.
    gettext_noop("Are you sure?"),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("You don’t have permission to view or edit anything."),
    gettext_noop(
        "First, enter a username and password. Then, you’ll be able to edit more user options."
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related objects, but your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related items will be deleted:'
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop("Your password was changed."),
    gettext_noop(
        "Please enter your old password, for security’s sake, and then enter your new password twice so we can verify you typed it in correctly."
    ),
    gettext_noop("Your password has been set.  You may go ahead and log in now."),
    gettext_noop(
        "Please enter your new password twice so we can verify you typed it in correctly."
    ),
    gettext_noop(
        "We’ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly."
    ),
    gettext_noop(
        "If you don’t receive an email, please make sure you’ve entered the address you registered with, and check your spam folder."
    ),
    gettext_noop(
        "You're receiving this email because you requested a password reset for your user account at %(site_name)s."
    ),
    gettext_noop("Your username, in case you’ve forgotten:"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we’ll email instructions for setting a new one."
    ),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    # django-axes: failed logins and lockouts.
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Expires At"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("GET Data"),
    gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"),
    gettext_noop("Locked Out"),
    gettext_noop("Logout Time"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("POST Data"),
    gettext_noop("Path"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("User Agent"),
    gettext_noop("Username"),
    # django-tasks-db: the background tasks' results.
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("args kwargs"),
    gettext_noop("backend name"),
    gettext_noop("enqueued at"),
    gettext_noop("exception class path"),
    gettext_noop("finished at"),
    gettext_noop("priority"),
    gettext_noop("queue name"),
    gettext_noop("return value"),
    gettext_noop("run after"),
    gettext_noop("started at"),
    gettext_noop("task path"),
    gettext_noop("traceback"),
    gettext_noop("worker id"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
    # django-reversion.
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("version"),
    gettext_noop("versions"),
    gettext_noop("date created"),
    gettext_noop("comment"),
]

# Libraries whose application name is a plain English string, not a message id.
APP_NAMES = {
    "axes": _("Login security"),
    "django_tasks_database": _("Background tasks"),
}


def rename_library_apps():
    """Gives the libraries' applications names the admin's sidebar and index show in Chinese."""
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.app_configs[label].verbose_name = name
