"""The public HTTP API, version 1. Each domain has its own router module here; the search
app owns its router (`distrikt.search.api`), which `distrikt/urls.py` attaches before it
builds the URL patterns.

The OpenAPI schema is published at /api/v1/openapi.json and documented at /api/v1/docs.
"""

from ninja import NinjaAPI

from .docs import SelfHostedSwagger
from .routers import democracy, events, knowledge, merkur, municipalities, programmes

api = NinjaAPI(
    title="Distriktssenteret API",
    version="1.0.0",
    description="Open data about Norwegian municipalities, the knowledge bank, events, Merkur, development programmes and local democracy arrangements.",
    urls_namespace="api-v1",
    docs=SelfHostedSwagger(),
)

api.add_router("/", municipalities.router)
api.add_router("/", knowledge.router)
api.add_router("/", events.router)
api.add_router("/", merkur.router)
api.add_router("/", programmes.router)
api.add_router("/", democracy.router)
