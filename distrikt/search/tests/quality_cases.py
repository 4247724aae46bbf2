"""The search quality table: query, rule group and the result expected in the top ten.

Run against the shipped data with its demo content (municipalities, organisation,
knowledge bank, events, Merkur shops). Each case: (group, query, expected title part,
expected result type or "" for any). Name cases for the Sami and Kven forms come from the
bundled name file, so they follow the data.
"""

import csv
from pathlib import Path

from django.conf import settings

NN_TO_NB = [
    ("rettleiar nærbutikk", "Kommunen og nærbutikken – en veileder for samarbeid"),
    ("kommunane og nærbutikken", "Kommunen og nærbutikken – en veileder for samarbeid"),
    ("busetjing pendling", "Pendling, bosetting og tilhørighet i små kommuner"),
    ("pendling små kommunar", "Pendling, bosetting og tilhørighet i små kommuner"),
    ("berekraftig verdiskaping", "Bærekraftig verdiskaping – hva betyr det for en liten kommune?"),
    ("kva betyr berekraftig verdiskaping", "Bærekraftig verdiskaping – hva betyr det for en liten kommune?"),
    ("interkommunale samarbeid", "Interkommunalt samarbeid – fallgruver og suksessfaktorer"),
    ("fallgruver suksessfaktorar", "Interkommunalt samarbeid – fallgruver og suksessfaktorer"),
    ("tilleggstenester", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("tilleggstenestene", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("butikken meir lønsam", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("nye innbyggjarar", "Felles boligsatsing ga plass til nye innbyggere"),
    ("felles bustadsatsing", "Felles boligsatsing ga plass til nye innbyggere"),
    ("lokaldemokrati distrikta", "Lokaldemokrati i distriktene – status og muligheter"),
    ("moglegheiter lokaldemokrati", "Lokaldemokrati i distriktene – status og muligheter"),
    ("næringshagar", "Tre kommuner, én næringshage"),
    ("tre kommunar næringshage", "Tre kommuner, én næringshage"),
    ("matfestivalen heilårsprosjekt", "Matfestivalen som ble et helårsprosjekt"),
    ("ungdomen sosial arena", "Fredagsbussen som ga ungdom en sosial arena"),
    ("regionråda evaluering", "Hva får regionrådene til? En evaluering"),
    ("nærbutikken beredskapen til kommunen", "Nærbutikken i kommunens beredskap"),
    ("øykommunen samla næringslivet", "Øykommunen som samlet næringslivet om havna"),
    ("planstrategiar", "Slik lager dere en planstrategi som faktisk blir brukt"),
    ("slik lagar de ein planstrategi", "Slik lager dere en planstrategi som faktisk blir brukt"),
    ("tilhøyrsle bosetting", "Pendling, bosetting og tilhørighet i små kommuner"),
    ("verdiskapinga", "Bærekraftig verdiskaping – hva betyr det for en liten kommune?"),
    ("tenester butikk", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("heilårsprosjektet", "Matfestivalen som ble et helårsprosjekt"),
    ("kommunen sin beredskap", "Nærbutikken i kommunens beredskap"),
    ("havna næringslivet", "Øykommunen som samlet næringslivet om havna"),
]

NB_TO_NN = [
    ("kontorfellesskap fjernarbeidere", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("fjernarbeidere bygda", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("butikken post møteplass", "Butikken som vart post, apotekutsal og møteplass"),
    ("ungdomsrådet reell makt", "Ungdomsrådet som fekk reell makt"),
    ("grønn omstilling fiskeværet", "Grøn omstilling i fiskeværet"),
    ("regionrådet planlegger", "Regionrådet som delte på ein planleggar"),
    ("innbyggerpanel", "Innbyggjarpanel gav nye svar på gamle spørsmål"),
    ("nye svar gamle spørsmål", "Innbyggjarpanel gav nye svar på gamle spørsmål"),
    ("en dag med kjøpmannen", "Ein dag med kjøpmannen på bygda"),
    ("hva betyr nærbutikken for bosettingen", "Kva betyr nærbutikken for busetjinga?"),
    ("nærbutikken bosetting", "Kva betyr nærbutikken for busetjinga?"),
    ("lokalsamfunnsutval medvirkning", "Lokalsamfunnsutval som verktøy for medverknad"),
    ("reiselivet fellesgodene", "Reiselivet som tok ansvar for fellesgoda"),
    ("plankapasitet små kommuner", "Plankapasitet i små kommunar"),
    ("klimatilpasning kommuner", "Klimatilpassing i kommunar med få tilsette"),
    ("klimatilpasning", "Klimatilpassing i kommunar med få tilsette"),
    ("klimatilpasning ansatte", "Klimatilpassing i kommunar med få tilsette"),
    ("digital innbyggerhjelp", "Digital innbyggjarhjelp på biblioteket"),
    ("veileder bærekraftig", "Rettleiar for berekraftig stadutvikling"),
    ("bærekraftig stedsutvikling", "Rettleiar for berekraftig stadutvikling"),
    ("bærekraftige bygder", "Berekraftige bygder – tre forteljingar"),
    ("frivilligsentralen samordnet bygdene", "Frivilligsentralen som samordna bygdene"),
    ("merkur erfaringer butikkene", "Merkur i praksis – erfaringar frå butikkane"),
    ("tilleggstjenester kurs", "Merkur-kurs: tilleggstenester (demo)"),
    ("regnskap og drift nærbutikken", "Merkur-kurs: rekneskap og drift for nærbutikken (demo)"),
    ("nettmøte prosjektledere", "Nettmøte for prosjektleiarar (demo)"),
    ("arbeidsverksted medvirkning", "Arbeidsverkstad om medverknad (demo)"),
    ("stedsutvikling arbeidsverksted", "Arbeidsverkstad om stadutvikling (demo)"),
    ("ordfører", "Ungdomsrådet som fekk reell makt"),
    ("ordføreren", "Ungdomsrådet som fekk reell makt"),
]

COMPOUNDS = [
    ("klima", "Klimatilpassing i kommunar med få tilsette"),
    ("tilpassing", "Klimatilpassing i kommunar med få tilsette"),
    ("tilpasning", "Klimatilpassing i kommunar med få tilsette"),
    ("butikk", "Nærbutikken i kommunens beredskap"),
    ("strategi", "Slik lager dere en planstrategi som faktisk blir brukt"),
    ("panel", "Innbyggjarpanel gav nye svar på gamle spørsmål"),
    ("kapasitet", "Plankapasitet i små kommunar"),
    ("festival", "Matfestivalen som ble et helårsprosjekt"),
    ("sentralen", "Frivilligsentralen som samordna bygdene"),
    ("hage", "Tre kommuner, én næringshage"),
    ("bussen", "Fredagsbussen som ga ungdom en sosial arena"),
    ("fellesskap", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("rådet ungdom", "Ungdomsrådet som fekk reell makt"),
    ("demokrati", "Lokaldemokrati i distriktene – status og muligheter"),
    ("satsing", "Felles boligsatsing ga plass til nye innbyggere"),
    ("omstilling", "Grøn omstilling i fiskeværet"),
    ("været fiske", "Grøn omstilling i fiskeværet"),
    ("samfunnsutval", "Lokalsamfunnsutval som verktøy for medverknad"),
    ("konferansen", "Distriktskonferansen (demo)"),
    ("verkstad", "Arbeidsverkstad om medverknad (demo)"),
    ("hjelp", "Digital innbyggjarhjelp på biblioteket"),
    ("kommunen øy", "Øykommunen som samlet næringslivet om havna"),
    ("tenester tillegg", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("arbeidarar", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("prosjekt", "Matfestivalen som ble et helårsprosjekt"),
    ("skriving", "Nettmøte om søknadsskriving (demo)"),
    ("søknad", "Nettmøte om søknadsskriving (demo)"),
    ("indeks", "Distriktsindeksen"),
    ("registeret", "Merkur-registeret"),
    ("leiarar prosjekt", "Nettmøte for prosjektleiarar (demo)"),
]

TYPOS = [
    ("nærbutik", "Nærbutikken i kommunens beredskap"),
    ("klimatilpasing", "Klimatilpassing i kommunar med få tilsette"),
    ("klimatilpssing", "Klimatilpassing i kommunar med få tilsette"),
    ("tilleggstjenster", "Tilleggstjenester som gjør butikken mer lønnsom"),
    ("ungdomsrdet", "Ungdomsrådet som fekk reell makt"),
    ("verdiskapning", "Bærekraftig verdiskaping – hva betyr det for en liten kommune?"),
    ("frivilligsentraln", "Frivilligsentralen som samordna bygdene"),
    ("matfestivallen", "Matfestivalen som ble et helårsprosjekt"),
    ("plankapasitett", "Plankapasitet i små kommunar"),
    ("evalueirng", "Hva får regionrådene til? En evaluering"),
    ("beredksap", "Nærbutikken i kommunens beredskap"),
    ("kjøpmanen", "Ein dag med kjøpmannen på bygda"),
    ("omstiling", "Grøn omstilling i fiskeværet"),
    ("fredagsbusen", "Fredagsbussen som ga ungdom en sosial arena"),
    ("innbyggjarpanl", "Innbyggjarpanel gav nye svar på gamle spørsmål"),
    ("lokaldemokarti", "Lokaldemokrati i distriktene – status og muligheter"),
    ("helårsprosjet", "Matfestivalen som ble et helårsprosjekt"),
    ("samarbied interkommunalt", "Interkommunalt samarbeid – fallgruver og suksessfaktorer"),
    ("fjernarbeidarer", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("distriktsindkesen", "Distriktsindeksen"),
    ("distriktskonferansn", "Distriktskonferansen (demo)"),
    ("søknadskriving", "Nettmøte om søknadsskriving (demo)"),
    ("kontorfelesskap", "Kontorfellesskap som trekte fjernarbeidarar til bygda"),
    ("suksessfaktrar", "Interkommunalt samarbeid – fallgruver og suksessfaktorer"),
    ("apotekutsl", "Butikken som vart post, apotekutsal og møteplass"),
]

NAMES = [
    ("Distriktsindeksen", "Distriktsindeksen", "overview"),
    ("distriktsindeks", "Distriktsindeksen", "overview"),
    ("Merkur-registeret", "Merkur-registeret", "overview"),
    ("Merkur statistikk", "Merkur-statistikk", "overview"),
    ("Steinkjer kontor", "Steinkjer", "office"),
    ("Sogndal", "Sogndal", "office"),
    ("Alstahaug", "Alstahaug", "office"),
    ("Ada Testdotter", "Ada Testdotter (demo)", "person"),
    ("Testdotter", "Ada Testdotter (demo)", "person"),
    ("Eva Oppdikta", "Eva Oppdikta (demo)", "person"),
    ("Butikken i Dønna", "Butikken i Dønna (demo)", "shop"),
    ("Handelslaget i Værøy", "Handelslaget i Værøy (demo)", "shop"),
    ("Kjøpmannen i Beiarn", "Kjøpmannen i Beiarn (demo)", "shop"),
    ("Vestland", "Vestland", "county"),
    ("Nordland", "Nordland", "county"),
    ("Innlandet", "Innlandet", "county"),
    ("Troms", "Troms", "county"),
    ("Bergen", "Bergen", "municipality"),
    ("Kautokeino", "Kautokeino", "municipality"),
    ("Nordkapp", "Nordkapp", "municipality"),
    ("Vågan", "Vågan", "municipality"),
    ("Lesja", "Lesja", "municipality"),
    ("4601", "Bergen", "municipality"),
    ("0301", "Oslo", "municipality"),
    ("5001", "Trondheim", "municipality"),
    ("1804", "Bodø", "municipality"),
    ("3301", "Drammen", "municipality"),
    ("Distriktskonferansen", "Distriktskonferansen (demo)", "event"),
    ("Tilleggstenester i butikken", "Tilleggstenester i butikken", ""),
    ("Kontora våre", "Kontora våre", ""),
]


def sami_and_kven_name_cases() -> list[tuple[str, str, str, str]]:
    """Every Sami and Kven name form in the bundled name file finds its municipality."""
    path = Path(settings.DATA_DIR) / "kommunar" / "kommune_namn_sprak_2023.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    norwegian = {row["kommunenummer_2024"]: row["namn"] for row in rows if row["sprak"] == "Norwegian"}
    return [
        ("names", row["namn"], norwegian.get(row["kommunenummer_2024"], row["namn"]), "municipality")
        for row in rows
        if row["sprak"] != "Norwegian"
    ]


def all_cases() -> list[tuple[str, str, str, str]]:
    return [
        *(("nn→nb", query, expected, "") for query, expected in NN_TO_NB),
        *(("nb→nn", query, expected, "") for query, expected in NB_TO_NN),
        *(("compounds", query, expected, "") for query, expected in COMPOUNDS),
        *(("typos", query, expected, "") for query, expected in TYPOS),
        *(("names", query, expected, result_type) for query, expected, result_type in NAMES),
        *sami_and_kven_name_cases(),
    ]
