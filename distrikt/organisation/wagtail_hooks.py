"""Registration only."""

from wagtail.snippets.models import register_snippet

from .viewsets import OrganisationViewSetGroup

register_snippet(OrganisationViewSetGroup)
