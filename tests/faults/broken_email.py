"""An email backend whose mail server is always down (settings.EMAIL_BACKEND in the drills)."""

from django.core.mail.backends.base import BaseEmailBackend


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused by smtp.example.org:587")
