"""Bounded integers for URLs and query strings.

Django's `<int:…>` converter accepts any number of digits; a number past 2**63 - 1 then
overflows in the database driver (OverflowError on SQLite, "out of range" on PostgreSQL)
and the visitor gets a server error instead of a 404. Every urls.py uses `<int64:…>`;
forms and API schemas that read numbers give them a max_value.
"""

from django.urls import register_converter

# The largest value a signed 64-bit column (SQLite INTEGER, PostgreSQL bigint) can hold.
MAX_DATABASE_INT = 2**63 - 1
MIN_DATABASE_INT = -(2**63)


class BoundedIntConverter:
    """A non-negative integer of at most 18 digits, so it always fits a bigint column."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def register_converters() -> None:
    """Called once from CoreConfig.ready(), before any urls.py is imported."""
    register_converter(BoundedIntConverter, "int64")
