"""Registration only."""

from wagtail.snippets.models import register_snippet

from .viewsets import ProjectViewSet

register_snippet(ProjectViewSet)
