"""API routes for the knowledge domain."""

from ninja import Router

router = Router(tags=["knowledge"])
