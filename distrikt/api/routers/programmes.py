"""API routes for development programmes, their projects and participating municipalities."""

import datetime

from django.http import HttpRequest

from ninja import Query, Router, Schema

from distrikt.core.api_schemas import Pagination, errors
from distrikt.core.derived import get_or_compute
from distrikt.municipalities.models import DATASET as MUNICIPALITIES_DATASET
from distrikt.programmes.models import DATASET
from distrikt.programmes.services import programmes_with_projects

router = Router(tags=["programmes"])


class PhaseOut(Schema):
    name: str
    start_date: datetime.date | None
    end_date: datetime.date | None


class ProjectOut(Schema):
    id: int
    name: str
    leader: str
    goals: str
    results: str
    municipality_codes: list[str]
    region_slugs: list[str]
    county_codes: list[str]
    is_demo: bool


class ProgrammeOut(Schema):
    id: int
    title: str
    slug: str
    url: str
    purpose: str
    owner: str
    status: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    budget_nok: int | None
    phases: list[PhaseOut]
    projects: list[ProjectOut]


class ProgrammeListOut(Schema):
    count: int
    results: list[ProgrammeOut]


def _programme_out(programme) -> dict:
    return {
        "id": programme.pk,
        "title": programme.title,
        "slug": programme.slug,
        "url": programme.url or "",
        "purpose": programme.purpose,
        "owner": programme.programme_owner,
        "status": programme.status,
        "start_date": programme.start_date,
        "end_date": programme.end_date,
        "budget_nok": programme.budget_nok,
        "phases": [
            {"name": phase.name, "start_date": phase.start_date, "end_date": phase.end_date}
            for phase in programme.phases.all()
        ],
        "projects": [
            {
                "id": project.pk,
                "name": project.name,
                "leader": project.leader,
                "goals": project.goals,
                "results": project.results,
                "municipality_codes": project.participant_codes,
                "region_slugs": sorted(region.slug for region in project.regions.all()),
                "county_codes": sorted(county.code for county in project.counties.all()),
                "is_demo": project.is_demo,
            }
            for project in programme.project_list
        ],
    }


@router.get(
    "/programmes",
    response={200: ProgrammeListOut, **errors(422)},
    summary="Published development programmes with their projects and participating municipality codes",
)
def list_programmes(request: HttpRequest, pagination: Query[Pagination]):
    """Every live programme; `municipality_codes` includes members of participating regions and counties."""
    # Computed once per version of the programmes and the register (regions' members).
    programmes = get_or_compute(
        (DATASET, MUNICIPALITIES_DATASET),
        "api:programmes",
        lambda: [_programme_out(p) for p in programmes_with_projects()],
    )
    page = programmes[pagination.offset : pagination.offset + pagination.limit]
    return {"count": len(programmes), "results": page}
