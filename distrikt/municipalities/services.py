"""Public functions other apps use to ask about municipalities."""

import math
from dataclasses import dataclass, field

from .models import Municipality


@dataclass
class SimilarMunicipality:
    municipality: Municipality
    distance: float
    reasons: list[str] = field(default_factory=list)


def similar_municipalities(municipality: Municipality, limit: int = 5) -> list[SimilarMunicipality]:
    """The municipalities most like this one on population size and centrality.

    First version: same centrality class, nearest on log population. The municipalities
    issue replaces the internals with nearest neighbours on standardised indicators; the
    signature stays.
    """
    if municipality.population is None or municipality.centrality_class is None:
        return []
    candidates = (
        Municipality.objects.current()
        .exclude(pk=municipality.pk)
        .filter(centrality_class=municipality.centrality_class, population__isnull=False)
    )
    own = math.log(municipality.population)
    ranked = sorted(
        (
            SimilarMunicipality(candidate, abs(math.log(max(candidate.population, 1)) - own))
            for candidate in candidates
        ),
        key=lambda similar: similar.distance,
    )
    return ranked[:limit]
