"""The WCAG 2.1 success criteria that Norwegian law requires of public web sites.

The regulation on universal design of ICT requires WCAG 2.1 levels A and AA except
1.2.3, 1.2.4 and 1.2.5 (audio description and live captions): 47 criteria, the number the
supervisory authority's statements (uustatus.no) count against. Names in Nynorsk.
"""

from django.utils.translation import gettext_lazy as _

PRINCIPLES = {
    "1": _("Prinsipp 1. Mogleg å oppfatte"),
    "2": _("Prinsipp 2. Mogleg å betene"),
    "3": _("Prinsipp 3. Forståeleg"),
    "4": _("Prinsipp 4. Robust"),
}

CRITERIA: list[tuple[str, str, object]] = [
    ("1.1.1", "A", _("Ikkje-tekstleg innhald")),
    ("1.2.1", "A", _("Berre lyd og berre video (førehandsinnspelt)")),
    ("1.2.2", "A", _("Teksting (førehandsinnspelt)")),
    ("1.3.1", "A", _("Informasjon og relasjonar")),
    ("1.3.2", "A", _("Meiningsfull rekkjefølgje")),
    ("1.3.3", "A", _("Sensoriske eigenskapar")),
    ("1.3.4", "AA", _("Visningsretning")),
    ("1.3.5", "AA", _("Identifiser føremål med inndata")),
    ("1.4.1", "A", _("Bruk av farge")),
    ("1.4.2", "A", _("Styring av lyd")),
    ("1.4.3", "AA", _("Kontrast (minimum)")),
    ("1.4.4", "AA", _("Endre storleik på tekst")),
    ("1.4.5", "AA", _("Bilete av tekst")),
    ("1.4.10", "AA", _("Dynamisk tilpassing")),
    ("1.4.11", "AA", _("Kontrast for ikkje-tekstleg innhald")),
    ("1.4.12", "AA", _("Tekstavstand")),
    ("1.4.13", "AA", _("Innhald ved peikarøving eller fokus")),
    ("2.1.1", "A", _("Tastatur")),
    ("2.1.2", "A", _("Inga tastaturfelle")),
    ("2.1.4", "A", _("Hurtigtastar")),
    ("2.2.1", "A", _("Justerbar tidsavgrensing")),
    ("2.2.2", "A", _("Pause, stopp, skjul")),
    ("2.3.1", "A", _("Terskelverdi på tre glimt eller mindre")),
    ("2.4.1", "A", _("Hoppe over blokker")),
    ("2.4.2", "A", _("Sidetitlar")),
    ("2.4.3", "A", _("Fokusrekkjefølgje")),
    ("2.4.4", "A", _("Føremål med lenkjer (i kontekst)")),
    ("2.4.5", "AA", _("Fleire måtar")),
    ("2.4.6", "AA", _("Overskrifter og ledetekstar")),
    ("2.4.7", "AA", _("Synleg fokus")),
    ("2.5.1", "A", _("Peikarrørsler")),
    ("2.5.2", "A", _("Avbryting av peikarhandlingar")),
    ("2.5.3", "A", _("Ledetekst i namn")),
    ("2.5.4", "A", _("Rørsleaktivering")),
    ("3.1.1", "A", _("Språk på sida")),
    ("3.1.2", "AA", _("Språk på delar av innhaldet")),
    ("3.2.1", "A", _("Fokus")),
    ("3.2.2", "A", _("Inndata")),
    ("3.2.3", "AA", _("Konsekvent navigering")),
    ("3.2.4", "AA", _("Konsekvent identifikasjon")),
    ("3.3.1", "A", _("Identifikasjon av feil")),
    ("3.3.2", "A", _("Ledetekstar eller instruksjonar")),
    ("3.3.3", "AA", _("Forslag ved feil")),
    ("3.3.4", "AA", _("Førebygging av feil (juridiske, økonomiske, data)")),
    ("4.1.1", "A", _("Parsing")),
    ("4.1.2", "A", _("Namn, rolle, verdi")),
    ("4.1.3", "AA", _("Statusbodskapar")),
]

REQUIRED_COUNT = len(CRITERIA)


def criterion_choices() -> list[tuple[str, str]]:
    return [(number, f"{number} {name}") for number, _level, name in CRITERIA]
