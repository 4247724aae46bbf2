"""The section «Nærdemokratiske ordningar» on a municipality's profile."""

from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import Municipality
from distrikt.municipalities.profile_sections import ProfileSection

from .models import Arrangement


def arrangements_section(municipality: Municipality) -> ProfileSection | None:
    arrangements = list(Arrangement.objects.published().filter(municipality=municipality).order_by("name"))
    if not arrangements:
        return None
    return ProfileSection(
        title=str(_("Nærdemokratiske ordningar")),
        template="democracy/profile_section.html",
        context={"arrangements": arrangements},
        order=35,
    )
