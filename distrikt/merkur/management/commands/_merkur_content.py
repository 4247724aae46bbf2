"""Bundled Merkur texts and catalogues, written for this project in Nynorsk."""

CHAINS = [
    ("joker", "Joker"),
    ("naerbutikken", "Nærbutikken"),
    ("matkroken", "Matkroken"),
    ("coop-marked", "Coop Marked"),
    ("bunnpris", "Bunnpris"),
    ("spar", "Spar"),
    ("frittstaande", "Frittståande"),
]

# Bokmål and English names beside the Nynorsk ones, by slug (brand names need none).
CHAIN_NAMES = {"frittstaande": ("Frittstående", "Independent")}
SERVICE_NAMES = {
    "post-i-butikk": ("Post i butikk", "Post office in the shop"),
    "pakkeutlevering": ("Hentested for pakker", "Parcel pick-up point"),
    "apotekutsal": ("Apotekutsalg", "Pharmacy outlet"),
    "drivstoff": ("Drivstoff", "Fuel"),
    "turistinformasjon": ("Turistinformasjon", "Tourist information"),
    "kontant-og-banktenester": ("Kontant- og banktjenester", "Cash and banking services"),
    "spelkommisjonaer": ("Kommisjonær for pengespill", "Lottery and betting agent"),
    "kafe": ("Kafé og servering", "Café and food service"),
    "heimkoyring": ("Hjemkjøring av varer", "Home delivery of groceries"),
    "elbillading": ("Lading av elbil", "Electric car charging"),
    "vinmonopol-utlevering": ("Utleveringssted for Vinmonopolet", "Vinmonopolet pick-up point"),
}

# Bokmål and English descriptions beside the Nynorsk ones in EXTRA_SERVICES, by slug.
SERVICE_DESCRIPTIONS = {
    "post-i-butikk": (
        "Butikken tar imot og deler ut brev og pakker på vegne av Posten.",
        "The shop accepts and hands out letters and parcels on behalf of Posten, the Norwegian postal service.",
    ),
    "pakkeutlevering": (
        "Kundene henter pakker fra nettbutikker og fraktselskaper i butikken.",
        "Customers collect parcels from online shops and carriers at the shop.",
    ),
    "apotekutsal": (
        "Salg av reseptfrie legemidler og utlevering av medisiner som er bestilt fra et apotek.",
        "Over-the-counter medicines for sale, and medicines ordered from a pharmacy handed out.",
    ),
    "drivstoff": (
        "Salg av bensin og diesel fra pumpe ved butikken.",
        "Petrol and diesel sold from a pump at the shop.",
    ),
    "turistinformasjon": (
        "Kart, brosjyrer og råd til tilreisende om steder og aktiviteter i nærheten.",
        "Maps, brochures and advice for visitors on places to see and things to do nearby.",
    ),
    "kontant-og-banktenester": (
        "Uttak og innskudd av kontanter, og betaling av regninger for dem som trenger det.",
        "Cash withdrawals and deposits, and bill payments for those who need them.",
    ),
    "spelkommisjonaer": (
        "Innlevering av tippekuponger og utbetaling av gevinster.",
        "Lottery and betting slips handed in, and winnings paid out.",
    ),
    "kafe": (
        "Sitteplasser, kaffe og enkel mat, ofte et møtested i bygda.",
        "Seats, coffee and simple meals; often a place where the village meets.",
    ),
    "heimkoyring": (
        "Butikken kjører varer hjem til kunder som ikke kommer seg til butikken.",
        "The shop drives groceries home to customers who cannot get to the shop.",
    ),
    "elbillading": (
        "Ladepunkt for elbiler ved butikken.",
        "Charging points for electric cars at the shop.",
    ),
    "vinmonopol-utlevering": (
        "Kundene henter varer de har bestilt fra Vinmonopolet.",
        "Customers collect goods they have ordered from Vinmonopolet, the state wine and spirits retailer.",
    ),
}

# (slug, name, description) — the kinds of extra services rural shops commonly offer.
EXTRA_SERVICES = [
    (
        "post-i-butikk",
        "Post i butikk",
        "Butikken tek imot og leverer ut brev og pakkar på vegner av Posten.",
    ),
    (
        "pakkeutlevering",
        "Hentestad for pakkar",
        "Kundane hentar pakkar frå nettbutikkar og fraktselskap i butikken.",
    ),
    (
        "apotekutsal",
        "Apotekutsal",
        "Sal av reseptfrie legemiddel og utlevering av medisinar som er bestilte frå eit apotek.",
    ),
    (
        "drivstoff",
        "Drivstoff",
        "Sal av bensin og diesel frå pumpe ved butikken.",
    ),
    (
        "turistinformasjon",
        "Turistinformasjon",
        "Kart, brosjyrar og råd til tilreisande om stader og aktivitetar i nærleiken.",
    ),
    (
        "kontant-og-banktenester",
        "Kontant- og banktenester",
        "Kontantuttak og innskot, og betaling av rekningar for dei som treng det.",
    ),
    (
        "spelkommisjonaer",
        "Kommisjonær for pengespel",
        "Levering av tippekupongar og utbetaling av gevinstar.",
    ),
    (
        "kafe",
        "Kafé og servering",
        "Sitjeplassar, kaffi og enkel mat, ofte ein møtestad i bygda.",
    ),
    (
        "heimkoyring",
        "Heimkøyring av varer",
        "Butikken køyrer varer heim til kundar som ikkje kjem seg til butikken.",
    ),
    (
        "elbillading",
        "Lading av elbil",
        "Ladepunkt for elbilar ved butikken.",
    ),
    (
        "vinmonopol-utlevering",
        "Utleveringsstad for Vinmonopolet",
        "Kundane hentar varer dei har bestilt frå Vinmonopolet.",
    ),
]

INDEX_LEAD = (
    "Merkur er Distriktssenteret sitt program for butikkane i distrikta. Målet er levande "
    "nærbutikkar som kan tilby fleire tenester, tene meir og gi folk i bygda betre service."
)

INDEX_BODY = [
    ("heading", {"text": "Kva Merkur tilbyr", "level": "h2"}),
    (
        "paragraph",
        "<p>Butikkane i programmet får rådgiving om drift og tilleggstenester, kurs for kjøpmenn "
        "og tilsette, og høve til å søkje om støtte til utviklingstiltak. Ein Merkur-rådgivar "
        "følgjer butikken over tid og hjelper kjøpmannen å finne tiltak som passar staden.</p>",
    ),
    ("heading", {"text": "Kven programmet er for", "level": "h2"}),
    (
        "paragraph",
        "<p>Merkur er for kjøpmenn som driv daglegvarebutikkar i små og spreitt busette "
        "lokalsamfunn, der butikken ofte er den einaste i området og ein viktig møtestad. "
        "Kommunane er òg viktige partnarar: dei kan gjere mykje for å halde på butikken.</p>",
    ),
    ("heading", {"text": "Slik blir butikken med", "level": "h2"}),
    (
        "paragraph",
        "<p>Ta kontakt med Distriktssenteret. Ein rådgivar går gjennom situasjonen til butikken "
        "saman med deg, og de avtaler korleis butikken kan ta del. Butikkar i programmet "
        "rapporterer nøkkeltal kvart år, slik at vi kan følgje utviklinga og vise kva programmet "
        "betyr.</p>",
    ),
]

OFFER_TITLE = "Tilleggstenester i butikken"
OFFER_LEAD = (
    "Tenester som post, pakkar, drivstoff og apotekvarer gir butikken fleire kundar og "
    "bygda betre service. Her er nokre av dei vanlegaste."
)
OFFER_BODY = [
    (
        "paragraph",
        "<p>Ei tilleggsteneste er noko butikken tilbyr i tillegg til daglegvarer. For mange "
        "butikkar gir slike tenester både inntekt og fleire besøk, og for folk i bygda kan det "
        "vere den einaste staden dei får tenesta utan lang køyretur.</p>",
    ),
    (
        "paragraph",
        "<p>I butikkregisteret ser du kva tenester kvar butikk tilbyr, og kor lenge dei har "
        "gjort det. Statistikken viser korleis tilbodet har endra seg over tid.</p>",
    ),
]
