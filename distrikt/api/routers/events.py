"""API routes for the events domain."""

from ninja import Router

router = Router(tags=["events"])
