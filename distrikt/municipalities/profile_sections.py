"""Sections that apps above `municipalities` add to a municipality's profile page.

`municipalities` must not import the feature apps, so they register a provider instead,
in their AppConfig.ready():

    from distrikt.municipalities.profile_sections import ProfileSection, register_profile_section

    def knowledge_section(municipality):
        pages = ...  # the app's own public query
        if not pages:
            return None
        return ProfileSection(title=_("Kunnskap om kommunen"), template="knowledge/profile_section.html",
                              context={"pages": pages}, order=10)

    register_profile_section(knowledge_section, datasets=("knowledge-bank",))

`datasets` names the data a section shows, so a change to it purges the cached profiles.

The profile renders every section that is not None, ordered by `order`, inside its own
<section> with the title as an h2, then
`{% include section.template with section=section municipality=municipality only %}`;
so the section template starts below the heading (h3 and down).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Municipality


@dataclass
class ProfileSection:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


ProfileSectionProvider = Callable[[Municipality], ProfileSection | None]
_providers: list[ProfileSectionProvider] = []
_datasets: set[str] = set()


def register_profile_section(provider: ProfileSectionProvider, datasets: tuple[str, ...] = ()) -> None:
    if provider not in _providers:
        _providers.append(provider)
    _datasets.update(datasets)


def section_datasets() -> tuple[str, ...]:
    """The datasets the registered sections show (page-cache tags of the profile)."""
    return tuple(sorted(_datasets))


def sections_for(municipality: Municipality) -> list[ProfileSection]:
    sections = [section for provider in _providers if (section := provider(municipality)) is not None]
    return sorted(sections, key=lambda section: section.order)
