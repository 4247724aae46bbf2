"""The knowledge section of a municipality profile has one heading, given by the profile page."""

from datetime import date

import pytest

from distrikt.municipalities.factories import MunicipalityFactory
from distrikt.municipalities.profile_sections import ProfileSection, _providers

pytestmark = pytest.mark.django_db


def test_the_knowledge_heading_appears_once(client, monkeypatch):
    MunicipalityFactory(code="9302", slug="9302-testkommune", valid_from=date(2024, 1, 1))

    def section(municipality):
        return ProfileSection(
            title="Kunnskap og døme frå liknande kommunar",
            template="knowledge/profile_section.html",
            context={"entries": [], "similar_examples": []},
        )

    monkeypatch.setattr("distrikt.municipalities.profile_sections._providers", [*_providers, section])
    html = client.get("/kommunar/9302-testkommune/").content.decode()
    assert html.count("Kunnskap og døme frå liknande kommunar</h2>") == 1
