"""The programmes' sections on municipality profiles and region pages."""

from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import Municipality, Region
from distrikt.municipalities.profile_sections import ProfileSection

from .services import participation_for_municipality, participation_for_region


def municipality_programmes_section(municipality: Municipality) -> ProfileSection | None:
    participation = participation_for_municipality(municipality)
    if not participation:
        return None
    return ProfileSection(
        title=str(_("Deltaking i utviklingsprogram")),
        template="programmes/participation_section.html",
        context={"participation": participation},
        order=30,
    )


def region_programmes_section(region: Region) -> ProfileSection | None:
    participation = participation_for_region(region)
    if not participation:
        return None
    return ProfileSection(
        title=str(_("Utviklingsprogram regionen har vore med i")),
        template="programmes/participation_section.html",
        context={"participation": participation},
        order=30,
    )
