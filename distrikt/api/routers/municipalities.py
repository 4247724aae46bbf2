"""API routes for the municipalities domain."""

from ninja import Router

router = Router(tags=["municipalities"])
