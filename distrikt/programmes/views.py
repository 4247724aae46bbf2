"""What the programme pages need from the services (registered, so models import no services)."""

from distrikt.core.page_views import page_view

from .models import ProgrammePage
from .services import programme_page_context


@page_view(ProgrammePage, "context")
def programme_context(page: ProgrammePage) -> dict:
    """The projects, participants and map shown on a programme page."""
    return programme_page_context(page)
