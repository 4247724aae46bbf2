"""What every API router shares (the api app's and the search app's): the documented error
bodies, pagination and safe lookups.

Each operation declares the error answers it can give (`errors(404, 422)`), so the
OpenAPI document lists every status code a client can meet and the shape of its body.
"""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ninja import Field, Schema

from .converters import MAX_DATABASE_INT, MIN_DATABASE_INT

ModelT = TypeVar("ModelT", bound=Model)

# Past this, counting rows to skip costs more than any client needs; ask with filters instead.
MAX_OFFSET = 1_000_000


class ErrorOut(Schema):
    """The body of a 4xx answer that is not a validation error, e.g. {"detail": "Not Found"}."""

    detail: str


class ValidationProblem(Schema):
    """One rejected input: where it was (`loc`), what kind of fault (`type`), in words (`msg`)."""

    type: str
    loc: list[str | int]
    msg: str


class ValidationErrorOut(Schema):
    """The body of a 422 answer: every input that was rejected."""

    detail: list[ValidationProblem]


ERROR_SCHEMAS: dict[int, type[Schema]] = {
    400: ErrorOut,
    404: ErrorOut,
    422: ValidationErrorOut,
    429: ErrorOut,
}


def errors(*status_codes: int) -> dict[int, type[Schema]]:
    """The error answers of one operation, for its `response={200: …, **errors(404, 422)}`."""
    return {code: ERROR_SCHEMAS[code] for code in status_codes}


class Pagination(Schema):
    """`limit` and `offset` for every list that pages; out-of-range values get a 422."""

    limit: int = Field(100, ge=1, le=500, description="How many results (1–500).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"How many results to skip (0–{MAX_OFFSET}).")


def object_or_404(queryset: QuerySet[ModelT], **lookups: Any) -> ModelT:
    """`get_object_or_404`, but a number no database column can hold is simply not found."""
    for value in lookups.values():
        if isinstance(value, int) and not MIN_DATABASE_INT <= value <= MAX_DATABASE_INT:
            raise Http404
    return get_object_or_404(queryset, **lookups)
