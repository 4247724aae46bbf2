"""The section "Merkur-butikkar i kommunen" on a municipality's profile page."""

from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import Municipality
from distrikt.municipalities.profile_sections import ProfileSection

from .models import AccessibilityRun, MunicipalityAccessibility, Shop


def shops_in_municipality_section(municipality: Municipality) -> ProfileSection | None:
    """Active Merkur shops in the municipality and the share living far from any shop."""
    shops = list(
        Shop.objects.active().filter(municipality=municipality).select_related("chain").order_by("name")
    )
    accessibility = MunicipalityAccessibility.objects.filter(municipality=municipality).first()
    if not shops and accessibility is None:
        return None
    return ProfileSection(
        title=_("Merkur-butikkar i kommunen"),
        template="merkur/profile_section.html",
        context={
            "shops": shops,
            "accessibility": accessibility,
            # The run says whether the figures come from a register with invented shops.
            "run": AccessibilityRun.objects.first() if accessibility is not None else None,
        },
        order=40,
    )
