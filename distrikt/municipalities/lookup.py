"""Find a municipality from an address: current slug, old code, or a suggestion by name."""

import difflib
import re
from dataclasses import dataclass, field

from .models import Municipality

CODE_PATTERN = re.compile(r"^(\d{4})(?:-|$)")


@dataclass
class Resolution:
    """What an address under /kommunar/ leads to."""

    municipality: Municipality | None = None
    redirect_to: Municipality | None = None
    former: Municipality | None = None
    successors: list[Municipality] = field(default_factory=list)
    suggestions: list[Municipality] = field(default_factory=list)


def suggest_by_name(text: str, limit: int = 5) -> list[Municipality]:
    """Current municipalities whose names are closest to the text."""
    words = re.sub(r"[\d-]+", " ", text).strip().lower()
    if not words:
        return []
    municipalities = list(Municipality.objects.current())
    by_name = {municipality.name.lower(): municipality for municipality in municipalities}
    contains = [municipality for municipality in municipalities if words in municipality.name.lower()]
    close = [by_name[name] for name in difflib.get_close_matches(words, by_name, n=limit, cutoff=0.6)]
    return list(dict.fromkeys(contains + close))[:limit]


def resolve(slug: str) -> Resolution:
    """Current municipality by slug; by code a redirect; an old code its successors; else suggestions."""
    current = Municipality.objects.current().select_related("county").filter(slug=slug).first()
    if current is not None:
        return Resolution(municipality=current)
    match = CODE_PATTERN.match(slug)
    if match:
        code = match.group(1)
        same_code = Municipality.objects.current().filter(code=code).first()
        if same_code is not None:
            return Resolution(redirect_to=same_code)
        former = Municipality.objects.by_code(code).first()
        if former is not None:
            successors = list(
                Municipality.objects.current().filter(predecessions__predecessor=former).order_by("code")
            )
            if len(successors) == 1:
                return Resolution(redirect_to=successors[0], former=former)
            return Resolution(former=former, successors=successors)
    return Resolution(suggestions=suggest_by_name(slug))
