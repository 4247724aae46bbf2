"""Reads of the programmes app that other apps and the pages use (no writes live elsewhere)."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from distrikt.core import maps
from distrikt.municipalities.models import Municipality, Region

from .models import ProgrammePage, Project

PARTICIPANT_COLOUR = maps.PALETTE[3]


@dataclass(frozen=True)
class Participation:
    """That a municipality (or region) takes part in a project, and how: directly or through a group."""

    programme: ProgrammePage
    project: Project
    via: str  # "" when named directly, else the region's or county's name


def participant_municipalities(project: Project) -> set[Municipality]:
    """Every current municipality in the project: named, in a named region, or in a named county."""
    members = set(project.municipalities.all())
    for region in project.regions.all():
        members.update(
            membership.municipality
            for membership in region.memberships.current().select_related("municipality")
        )
    for county in project.counties.all():
        members.update(county.municipalities.filter(valid_to__isnull=True))
    return members


def participation_for_municipality(municipality: Municipality) -> list[Participation]:
    """The published projects a municipality takes part in, directly or through a region or county."""
    region_ids = list(municipality.region_memberships.current().values_list("region_id", flat=True))
    projects = (
        Project.objects.published()
        .filter(
            Q(municipalities=municipality) | Q(regions__in=region_ids) | Q(counties=municipality.county_id)
        )
        .distinct()
        .select_related("programme")
        .prefetch_related("municipalities", "regions", "counties")
        .order_by("programme__title", "name")
    )
    result = []
    for project in projects:
        via = ""
        if municipality not in project.municipalities.all():
            region = next((r for r in project.regions.all() if r.pk in region_ids), None)
            via = region.name if region else municipality.county.name
        result.append(Participation(programme=project.programme, project=project, via=via))
    return result


def participation_for_region(region: Region) -> list[Participation]:
    """The published projects a region took part in as a region."""
    projects = (
        Project.objects.published()
        .filter(regions=region)
        .select_related("programme")
        .order_by("programme__title", "name")
    )
    return [Participation(programme=project.programme, project=project, via="") for project in projects]


def programme_page_context(page: ProgrammePage) -> dict:
    """The projects, participants and map of a programme page."""
    projects = list(
        Project.objects.filter(programme=page)
        .with_participants()
        .prefetch_related("reports", "regions__memberships__municipality")
        .order_by("name")
    )
    participants: dict[str, Municipality] = {}
    for project in projects:
        project.participant_list = sorted(participant_municipalities(project), key=lambda m: m.code)
        for municipality in project.participant_list:
            participants[municipality.code] = municipality
    return {
        "projects": projects,
        "participants": sorted(participants.values(), key=lambda m: (m.county_id, m.name)),
        "participant_map": participant_map(participants.values()),
        "has_demo_projects": any(project.is_demo for project in projects),
        "phases": list(page.phases.all()),
    }


def participant_map(municipalities) -> maps.SvgMap:
    """Every current municipality outlined, the participants filled."""
    codes = {municipality.code for municipality in municipalities}
    paths = maps.boundary_paths(Path(settings.DATA_DIR) / "geo" / "kommunar_2024_S.geojson", "kommunenummer")
    return maps.SvgMap(
        shapes=[
            maps.MapShape(
                path=path,
                colour=PARTICIPANT_COLOUR if code in codes else maps.NO_VALUE_COLOUR,
            )
            for code, path in sorted(paths.items())
        ]
    )


def programmes_with_projects():
    """Live programmes with their projects and participants, for the API."""
    programmes = list(ProgrammePage.objects.live().public().order_by("title"))
    projects = (
        Project.objects.filter(programme__in=programmes)
        .with_participants()
        .prefetch_related("regions__memberships__municipality")
        .order_by("name")
    )
    by_programme: dict[int, list[Project]] = {}
    for project in projects:
        project.participant_codes = sorted(m.code for m in participant_municipalities(project))
        by_programme.setdefault(project.programme_id, []).append(project)
    for programme in programmes:
        programme.project_list = by_programme.get(programme.pk, [])
    return programmes
