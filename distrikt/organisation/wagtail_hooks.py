"""Registration only."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import ContactMessage
from .viewsets import OrganisationViewSetGroup, ReadOnlyPermissionPolicy

register_permission_policy(ContactMessage, ReadOnlyPermissionPolicy(ContactMessage), exact_class=True)
register_snippet(OrganisationViewSetGroup)
