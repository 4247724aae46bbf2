"""The indicators the platform knows, with their names, units and sources."""

from dataclasses import dataclass

POPULATION = "folketal"
CENTRALITY_INDEX = "sentralitetsindeks"
CENTRALITY_CLASS = "sentralitetsklasse"
EMPLOYMENT = "sysselsette-arbeidsstad"
PRIVATE_DIVERSITY = "naeringsbreidd-privat"
BIRTH_BALANCE = "fodselsoverskot"
NET_DOMESTIC_MIGRATION = "netto-innanlandsk-flytting"
NET_IMMIGRATION = "nettoinnvandring"
RESIDENTIAL_ATTRACTIVENESS = "bustadattraktivitet"


@dataclass(frozen=True)
class IndicatorDefinition:
    """What the platform stores about an indicator before it has values."""

    code: str
    name_nn: str
    name_nb: str
    name_en: str
    unit: str
    source: str
    ssb_table: str = ""
    description: str = ""
    is_derived: bool = False


DEFINITIONS: tuple[IndicatorDefinition, ...] = (
    IndicatorDefinition(
        POPULATION,
        "Folketal 1. januar",
        "Folkemengde 1. januar",
        "Population on 1 January",
        "personar",
        "Statistisk sentralbyrå",
        "07459",
        "Busette personar 1. januar, på kommunegrensene frå 2024.",
    ),
    IndicatorDefinition(
        CENTRALITY_INDEX,
        "Sentralitetsindeks",
        "Sentralitetsindeks",
        "Centrality index",
        "indeks 0–1000",
        "Statistisk sentralbyrå, Klass 128",
        "",
        "SSB sin indeks for kor mange arbeidsplassar og tenester som kan nåast innan 90 minutt.",
    ),
    IndicatorDefinition(
        CENTRALITY_CLASS,
        "Sentralitetsklasse",
        "Sentralitetsklasse",
        "Centrality class",
        "klasse 1–6",
        "Statistisk sentralbyrå, Klass 128",
        "",
        "1 er mest sentral, 6 minst sentral.",
    ),
    IndicatorDefinition(
        EMPLOYMENT,
        "Sysselsette etter arbeidsstad",
        "Sysselsatte etter arbeidssted",
        "Employed persons by place of work",
        "personar",
        "Statistisk sentralbyrå",
        "07984",
        "Sysselsette personar med arbeidsstad i kommunen, 4. kvartal.",
    ),
    IndicatorDefinition(
        PRIVATE_DIVERSITY,
        "Breidd i privat næringsliv (invertert Herfindahl)",
        "Bredde i privat næringsliv (invertert Herfindahl)",
        "Diversity of private business (inverted Herfindahl)",
        "indeks 0–1",
        "Berekna av plattforma frå Statistisk sentralbyrå",
        "13470",
        "1 minus summen av kvadrerte delar av privat sysselsetjing per tosifra næring.",
        True,
    ),
    IndicatorDefinition(
        BIRTH_BALANCE,
        "Fødselsoverskot",
        "Fødselsoverskudd",
        "Natural increase",
        "personar",
        "Statistisk sentralbyrå",
        "06913",
        "Levandefødde minus døde i året.",
    ),
    IndicatorDefinition(
        NET_DOMESTIC_MIGRATION,
        "Netto innanlandsk flytting",
        "Netto innenlandsk flytting",
        "Net domestic migration",
        "personar",
        "Statistisk sentralbyrå",
        "06913",
        "Innflytting frå andre kommunar minus utflytting til andre kommunar.",
    ),
    IndicatorDefinition(
        NET_IMMIGRATION,
        "Nettoinnvandring",
        "Nettoinnvandring",
        "Net immigration",
        "personar",
        "Statistisk sentralbyrå",
        "06913",
        "Innvandring frå utlandet minus utvandring.",
    ),
    IndicatorDefinition(
        RESIDENTIAL_ATTRACTIVENESS,
        "Attraktivitet som bustad",
        "Attraktivitet som bosted",
        "Residential attractiveness",
        "prosentpoeng",
        "Berekna av plattforma frå Statistisk sentralbyrå",
        "06913",
        "Netto innflytting i perioden minus det veksten i arbeidsplassar skulle tilseie "
        "(residual i regresjon over alle kommunar). Året er slutten av perioden; "
        "metodeversjonen nemner perioden.",
        True,
    ),
)

BY_CODE = {definition.code: definition for definition in DEFINITIONS}
