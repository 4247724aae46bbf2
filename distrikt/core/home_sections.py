"""Sections the apps above `core` add to the home page (newest knowledge, next events, news).

`core` must not import the feature apps, so each registers a provider in its
AppConfig.ready():

    register_home_section(newest_knowledge_section, datasets=("knowledge-bank",))

A provider takes no arguments and returns a `HomeSection` or None (nothing to show). The
home page renders each one, ordered by `order`, as a <section> with the title as an h2 and
`{% include section.template with section=section only %}` below it (h3 and down).
`datasets` names what a section shows, so a change of it purges the cached home page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class HomeSection:
    """One block of the home page: heading, template, its context and a link to more."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    more_url: str = ""
    more_label: str = ""


HomeSectionProvider = Callable[[], HomeSection | None]
_providers: list[HomeSectionProvider] = []
_datasets: set[str] = set()


def register_home_section(provider: HomeSectionProvider, datasets: tuple[str, ...] = ()) -> None:
    """Add a provider (registering the same function again changes nothing)."""
    if provider not in _providers:
        _providers.append(provider)
    _datasets.update(datasets)


def section_datasets() -> tuple[str, ...]:
    """The datasets the registered sections show (page-cache tags of the home page)."""
    return tuple(sorted(_datasets))


def home_sections() -> list[HomeSection]:
    sections = [section for provider in _providers if (section := provider()) is not None]
    return sorted(sections, key=lambda section: section.order)
