"""The knowledge bank's section on a municipality's profile page."""

from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import Municipality
from distrikt.municipalities.profile_sections import ProfileSection

from . import services


def knowledge_profile_section(municipality: Municipality) -> ProfileSection | None:
    """Knowledge tagged with the municipality and practical examples from similar ones."""
    own = services.entries_for_municipality(municipality)
    similar = services.examples_from_similar_municipalities(municipality)
    if not own and not similar:
        return None
    return ProfileSection(
        title=str(_("Kunnskap og døme frå liknande kommunar")),
        template="knowledge/profile_section.html",
        context={"entries": own, "similar_examples": similar},
        order=20,
    )
