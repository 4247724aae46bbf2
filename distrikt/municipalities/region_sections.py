"""Sections that apps above `municipalities` add to a region's page (like profile_sections).

A feature app registers a provider in its AppConfig.ready():

    register_region_section(provider, datasets=("programmes",))

where `provider(region)` returns a `ProfileSection` or None. The region page renders each
section inside its own <section> with the title as an h2, then includes the template with
`section` and `region`; the section template starts at h3.
"""

from collections.abc import Callable

from .models import Region
from .profile_sections import ProfileSection

RegionSectionProvider = Callable[[Region], ProfileSection | None]
_providers: list[RegionSectionProvider] = []
_datasets: set[str] = set()


def register_region_section(provider: RegionSectionProvider, datasets: tuple[str, ...] = ()) -> None:
    if provider not in _providers:
        _providers.append(provider)
    _datasets.update(datasets)


def region_section_datasets() -> tuple[str, ...]:
    """The datasets the registered sections show (page-cache tags of the region page)."""
    return tuple(sorted(_datasets))


def region_sections_for(region: Region) -> list[ProfileSection]:
    sections = [section for provider in _providers if (section := provider(region)) is not None]
    return sorted(sections, key=lambda section: section.order)
