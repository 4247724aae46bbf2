"""Map figures reported on older municipality codes onto the current structure.

A current municipality's value for a year is the sum of the values of every code that
made it up in that year: its own code and each former code valid that year whose only
successor it is. When a contributor was split between several successors, or a former
code valid that year is reported without a value, the sum would be wrong, so the value
is left missing. A current code reported without a value counts as not yet existing. Only additive figures (counts of persons) may be mapped this way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Municipality, Succession


@dataclass
class FormerCode:
    """A former code with its validity years and its current successor codes."""

    code: str
    first_year: int
    last_year: int
    successors: list[str] = field(default_factory=list)

    def is_valid_in(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass
class BorderMap:
    """The current codes and the former codes that lead to them."""

    current: set[str]
    former: dict[str, list[FormerCode]]

    @classmethod
    def from_database(cls) -> "BorderMap":
        former: dict[str, dict[int, FormerCode]] = defaultdict(dict)
        for succession in Succession.objects.select_related("predecessor", "successor"):
            predecessor = succession.predecessor
            unit = former[predecessor.code].setdefault(
                predecessor.pk,
                FormerCode(
                    predecessor.code,
                    predecessor.valid_from.year if predecessor.valid_from else 0,
                    predecessor.valid_to.year if predecessor.valid_to else 9999,
                ),
            )
            unit.successors.append(succession.successor.code)
        return cls(
            current=set(Municipality.objects.current().values_list("code", flat=True)),
            former={code: list(units.values()) for code, units in former.items()},
        )

    def former_unit(self, code: str, year: int) -> FormerCode | None:
        for unit in self.former.get(code, []):
            if unit.is_valid_in(year):
                return unit
        return None

    def map_counts(
        self, values: dict[tuple[str, int], float | None]
    ) -> tuple[dict[tuple[str, int], float], list[str]]:
        """Sum counts onto current codes. Returns the mapped values and notes on what was left out."""
        sums: dict[tuple[str, int], float] = defaultdict(float)
        broken: set[tuple[str, int]] = set()
        notes: list[str] = []
        for (code, year), value in values.items():
            if code in self.current:
                if value is None:
                    # SSB reports today's codes without values for the years before
                    # they existed; the former codes carry those years.
                    continue
                targets = [code]
                is_split = False
            else:
                unit = self.former_unit(code, year)
                if unit is None:
                    notes.append(f"{code} ({year}): unknown code, left out")
                    continue
                targets = unit.successors
                is_split = len(targets) > 1
            for target in targets:
                if is_split or value is None:
                    broken.add((target, year))
                else:
                    sums[(target, year)] += value
            if is_split:
                notes.append(f"{code} ({year}): split between {', '.join(targets)}; successors left missing")
        mapped = {key: value for key, value in sums.items() if key not in broken}
        return mapped, notes
