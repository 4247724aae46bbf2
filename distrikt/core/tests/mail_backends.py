"""E-mail backends that fail the way real mail servers do, for the outbox tests."""

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """The mail server refuses every message."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server refused the connection")


class TimingOutBackend(BaseEmailBackend):
    """The mail server never answers within EMAIL_TIMEOUT."""

    def send_messages(self, email_messages):
        raise TimeoutError("timed out")
