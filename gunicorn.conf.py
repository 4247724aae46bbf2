"""gunicorn reads this file from the working directory by itself (make serve, bench/).

The logger class replaces the token of personal registration links (/pamelding/<id>/<token>/)
in the access and error logs. When gunicorn is started from elsewhere, pass
`--config /path/to/gunicorn.conf.py` or `--logger-class distrikt.core.logfilters.RedactingGunicornLogger`.
"""

logger_class = "distrikt.core.logfilters.RedactingGunicornLogger"
