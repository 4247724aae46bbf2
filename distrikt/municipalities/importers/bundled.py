"""Read the bundled figures in data/ (population, centrality, employment) into observations."""

from collections import defaultdict
from pathlib import Path

from .. import indicators
from .borders import BorderMap
from .observations import ObservationRow, write_observations
from .register import read_csv


def population_rows(path: Path) -> list[ObservationRow]:
    """Population 1986–2026 on 2024 borders. Zeros mean missing and are left out."""
    rows = []
    for row in read_csv(path):
        value = int(row["folkemengd"])
        if value == 0:
            continue
        rows.append(
            ObservationRow(
                row["kommunenummer"],
                indicators.POPULATION,
                int(row["aar"]),
                value,
                is_estimate=row["estimat_delt_kommune"] == "True",
            )
        )
    return rows


def centrality_rows(path: Path) -> list[ObservationRow]:
    """SSB's centrality index and class for the 2024 structure (Klass version 2682)."""
    rows = []
    for row in read_csv(path):
        code = row["kommunenummer"]
        rows.append(ObservationRow(code, indicators.CENTRALITY_INDEX, 2024, int(row["sentralitetsindeks"])))
        rows.append(ObservationRow(code, indicators.CENTRALITY_CLASS, 2024, int(row["sentralitetsklasse"])))
    return rows


def employment_rows(directory: Path, border_map: BorderMap) -> list[ObservationRow]:
    """Employment by place of work: 2017 (2024 borders), 2005 and 2015 (2016 borders, mapped), Telemark 2016–2025."""
    rows = []
    seen: set[tuple[str, int]] = set()
    for row in read_csv(directory / "sysselsatte_arbeidssted_2017_kommunar2024.csv"):
        if row["gyldig"] == "true":
            seen.add((row["kommunenummer"], 2017))
            rows.append(
                ObservationRow(
                    row["kommunenummer"],
                    indicators.EMPLOYMENT,
                    2017,
                    int(row["sysselsatte_arbeidssted"]),
                )
            )
    on_2016_codes: dict[tuple[str, int], float | None] = {}
    for row in read_csv(directory / "sysselsatte_2005_2015_kommunar2016_distriktstall.csv"):
        for year in (2005, 2015):
            on_2016_codes[(row["kommunenummer"], year)] = float(row[f"sysselsatte_{year}"])
    mapped, _notes = border_map.map_counts(on_2016_codes)
    for (code, year), value in sorted(mapped.items()):
        seen.add((code, year))
        rows.append(ObservationRow(code, indicators.EMPLOYMENT, year, value))
    telemark: dict[tuple[str, int], int] = defaultdict(int)
    for row in read_csv(directory / "telemark_sysselsatte_arbeidssted_naering17_2016_2025.csv"):
        telemark[(row["kommunenummer"], int(row["aar"]))] += int(row["sysselsatte_arbeidssted"])
    for (code, year), value in sorted(telemark.items()):
        if (code, year) not in seen:
            rows.append(ObservationRow(code, indicators.EMPLOYMENT, year, value))
    return rows


def load_bundled_figures(data_dir: Path) -> dict[str, int]:
    """Load every bundled series; existing values are kept. Returns rows created per series."""
    border_map = BorderMap.from_database()
    created = {}
    for name, rows in (
        (
            "population",
            population_rows(data_dir / "befolkning" / "folkemengd_kommune_2024grenser_1986_2026.csv"),
        ),
        (
            "centrality",
            centrality_rows(data_dir / "sentralitet" / "sentralitetsindeks_kommunar_2024.csv"),
        ),
        ("employment", employment_rows(data_dir / "sysselsetting", border_map)),
    ):
        created[name], _ = write_observations(rows, replace=False)
    return created
