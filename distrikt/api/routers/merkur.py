"""API routes for the merkur domain."""

from ninja import Router

router = Router(tags=["merkur"])
