"""Guides written for this platform in the centre's voice (Nynorsk).

The local democracy guide is complete. The other two carry their structure (steps and
checklists) only, and are created as unpublished drafts for the editors to write.
"""

DRAFT_TEXT = "<p>Utkast: redaksjonen skriv teksten til dette steget.</p>"

LOCAL_DEMOCRACY = {
    "slug": "naerdemokratirettleiaren",
    "title": "Nærdemokratirettleiaren",
    "lead": (
        "For kommunar som vil opprette eller fornye lokalutval, grendeutval og andre "
        "nærdemokratiske ordningar: kvifor, korleis og kva som må avklarast undervegs."
    ),
    "areas": ["lokaldemokrati"],
    "publish": True,
    "steps": [
        (
            "Kvifor nærdemokrati?",
            [
                "Når ein kommune blir større eller innbyggjarane bur spreidd, kan avstanden til dei som "
                "vedtek, kjennast lang. Nærdemokratiske ordningar gir bygder og grender ein fast stad å "
                "seie frå, og gir kommunen kunnskap om lokale forhold som elles ikkje når fram.",
                "Ordningane kan òg styrkje engasjementet: folk som får ansvar for noko nært, stiller ofte "
                "opp. Start med å seie tydeleg kva kommunen vil oppnå, slik at ordninga kan målast mot det.",
            ],
            [
                "Vi har skrive ned kvifor kommunen vil ha nærdemokratiske ordningar",
                "Vi veit kva lag, foreiningar og grupper som alt finst i områda",
                "Politisk leiing og administrasjon står bak arbeidet",
            ],
        ),
        (
            "Vel modell",
            [
                "Det finst fleire måtar å organisere nærdemokrati på. Nokre kommunar samarbeider med "
                "frivillige velforeiningar og grendelag som alt finst. Andre lagar lokalutval der lag og "
                "foreiningar i området peikar ut medlemmer. Ein tredje variant er organ med delegert "
                "mynde, som kommunestyret gir avgjerdsrett på avgrensa område.",
                "Vel modell ut frå kva kommunen vil oppnå, kor mykje kapasitet som finst lokalt, og kor "
                "like områda er. Det er lov å ha ulike løysingar i ulike delar av kommunen.",
            ],
            [
                "Vi har vurdert frivillige lag, lagsbaserte utval og organ med delegert mynde",
                "Vi har teke stilling til om heile kommunen skal dekkjast",
                "Vi har snakka med innbyggjarar i områda det gjeld",
            ],
        ),
        (
            "Mandat og budsjett",
            [
                "Eit klart mandat er det viktigaste grepet. Skriv kva saker utvalet skal uttale seg om, "
                "kva det eventuelt kan avgjere sjølv, og korleis kommunen skal følgje opp innspela.",
                "Ein eigen pott med pengar, sjølv ein liten ein, gjer at utvalet kan setje i gang ting og "
                "ikkje berre gi råd. Avklar kven som disponerer pengane og korleis dei blir rapporterte.",
            ],
            [
                "Mandatet er skriftleg og vedteke politisk",
                "Det står kva saker utvalet skal høyrast i",
                "Vi har avgjort om utvalet skal ha eige budsjett, og kor stort",
                "Rapportering for pengebruken er avklart",
            ],
        ),
        (
            "Val eller oppnemning av medlemmer",
            [
                "Medlemmene kan veljast på opne møte i området, peikast ut av lag og foreiningar, "
                "oppnemnast av kommunestyret, eller ei blanding. Opne val gir brei forankring; "
                "oppnemning gjer det lettare å sikre samansetjinga.",
                "Tenk på kjønn, alder og kven som ofte ikkje stiller: unge, tilflyttarar og folk som "
                "pendlar. Avklar valperiode og korleis medlemmer kan bytast ut.",
            ],
            [
                "Vi har bestemt korleis medlemmene blir valde eller oppnemnde",
                "Valperioden er fastsett",
                "Vi har ein plan for å få med unge og tilflyttarar",
            ],
        ),
        (
            "Forholdet til kommunestyret",
            [
                "Ordninga fungerer best når det er klart korleis innspela når fram til dei som vedtek. "
                "Avtal faste møtepunkt med politisk leiing, og ein kontaktperson i administrasjonen.",
                "Saker som gjeld området, bør sendast til utvalet i god tid før dei skal avgjerast, og "
                "saksframlegget bør vise kva utvalet meinte.",
            ],
            [
                "Utvalet har ein fast kontaktperson i kommunen",
                "Saksframlegg viser kva utvalet har meint",
                "Det er avtalt faste møte med politisk leiing",
            ],
        ),
        (
            "Oppfølging og evaluering",
            [
                "Set av tid til å sjå om ordninga verkar etter eitt til to år. Spør både utvala, "
                "politikarane og innbyggjarane, og samanlikn med målet de sette i starten.",
                "Meld ordninga inn i registeret over nærdemokratiske ordningar, slik at andre kommunar "
                "kan lære av dykk, og hald opplysningane oppdaterte.",
            ],
            [
                "Det er fastsett når ordninga skal evaluerast",
                "Vi har spurt utvala, politikarane og innbyggjarane",
                "Ordninga er meld inn i registeret til Distriktssenteret",
            ],
        ),
    ],
}

SETTLEMENT_SERVICE = {
    "slug": "rettleiar-tilflyttarteneste",
    "title": "Rettleiar: tilflyttarteneste",
    "lead": "Utkast: korleis kommunen kan tiltrekkje seg og halde på nye innbyggjarar med ei tilflyttarteneste.",
    "areas": ["framtidas-samfunnsutvikling"],
    "publish": False,
    "steps": [
        (
            "Kunnskap om kven som flyttar",
            None,
            [
                "Vi kjenner tala for inn- og utflytting dei siste åra",
                "Vi veit kva grupper vi helst vil nå",
            ],
        ),
        (
            "Forankring og organisering",
            None,
            [
                "Tenesta har ein ansvarleg i kommunen",
                "Næringsliv og frivillige er med",
            ],
        ),
        (
            "Vertskap og mottak",
            None,
            [
                "Nye innbyggjarar får ein fast kontaktperson",
                "Vi har eit velkomstopplegg",
            ],
        ),
        (
            "Bustad og arbeid for heile familien",
            None,
            [
                "Vi har oversikt over ledige bustader",
                "Vi hjelper partnaren med å finne arbeid",
            ],
        ),
        (
            "Følgje opp dei som har flytta til",
            None,
            [
                "Vi spør nye innbyggjarar etter eitt år korleis det går",
            ],
        ),
    ],
}

LOCAL_SHOP = {
    "slug": "rettleiar-kommunen-og-naerbutikken",
    "title": "Rettleiar: kommunen og nærbutikken",
    "lead": "Utkast: korleis kommunen og nærbutikken kan samarbeide om tenester og utvikling i bygda.",
    "areas": ["naerbutikkane"],
    "publish": False,
    "steps": [
        (
            "Kva butikken betyr for bygda",
            None,
            [
                "Vi veit kor langt innbyggjarane har til næraste butikk",
                "Vi har snakka med kjøpmannen",
            ],
        ),
        (
            "Tenester butikken kan tilby",
            None,
            [
                "Vi har vurdert post, apotekvarer, billettsal og turistinformasjon",
            ],
        ),
        (
            "Avtale mellom kommune og butikk",
            None,
            [
                "Samarbeidet er skriftleg avtalt",
                "Vi har sett på kva støtteordningar som finst",
            ],
        ),
        (
            "Butikken som møteplass",
            None,
            [
                "Vi har vurdert sitjeplass, oppslagstavle og arrangement i butikken",
            ],
        ),
    ],
}

GUIDES = [LOCAL_DEMOCRACY, SETTLEMENT_SERVICE, LOCAL_SHOP]
