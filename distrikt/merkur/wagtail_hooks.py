"""Registration only."""

from wagtail.snippets.models import register_snippet

from .viewsets import MerkurViewSetGroup

register_snippet(MerkurViewSetGroup)
