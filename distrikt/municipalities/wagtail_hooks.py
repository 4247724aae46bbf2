"""Registration only."""

from wagtail.snippets.models import register_snippet

from .viewsets import MunicipalitiesViewSetGroup

register_snippet(MunicipalitiesViewSetGroup)
