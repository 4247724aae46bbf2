"""API routes for the search domain."""

from ninja import Router

router = Router(tags=["search"])
