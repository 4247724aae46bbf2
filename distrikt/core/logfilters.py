"""Keep personal links out of logs: the token in /pamelding/<id>/<token>/ becomes a placeholder.

Pure `logging`, no Django imports, so gunicorn's master process can load it too
(see gunicorn.conf.py and `RedactingGunicornLogger`).
"""

import logging
import re

PERSONAL_LINK = re.compile(r"(/pamelding/\d+/)[^/\s?#\"']+")
PLACEHOLDER = r"\1[lenkje]"


def redact(text: str) -> str:
    """The text with every personal-link token replaced."""
    return PERSONAL_LINK.sub(PLACEHOLDER, text)


class PersonalLinkFilter(logging.Filter):
    """Rewrites a record's message so no personal-link token is written; keeps every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if "/pamelding/" in message:
            record.msg = redact(message)
            record.args = ()
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover (gunicorn is a runtime dependency)
    _GunicornLogger = None


if _GunicornLogger is not None:

    class RedactingGunicornLogger(_GunicornLogger):
        """gunicorn's logger with the personal-link filter on its access and error logs."""

        def setup(self, cfg) -> None:
            super().setup(cfg)
            for log in (self.access_log, self.error_log):
                if not any(isinstance(existing, PersonalLinkFilter) for existing in log.filters):
                    log.addFilter(PersonalLinkFilter())
