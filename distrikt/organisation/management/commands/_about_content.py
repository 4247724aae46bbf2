"""The bundled about text, written for this project from the organisation's own description."""

ABOUT_LEAD = (
    "Distriktssenteret er statens kompetansesenter for distriktsutvikling. Vi skal gjere "
    "kommunar og regionar betre i stand til å skape attraktive lokalsamfunn med vekstkraft."
)

ABOUT_BODY = [
    ("heading", {"text": "Kva vi gjer", "level": "h2"}),
    (
        "paragraph",
        "<p>Vi samlar erfaringar frå kommunar og regionar over heile landet og set dei saman med "
        "forsking som vi sjølve bestiller frå forskingsmiljø. Det vi lærer, gjer vi om til kunnskap "
        "som er enkel å ta i bruk for dei som arbeider med utvikling lokalt.</p>",
    ),
    ("heading", {"text": "Oppgåvene våre", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Vi gir kommunane kunnskap dei kan bruke når dei utviklar lokalsamfunna sine.</li>"
        "<li>Vi gir departementet kunnskap som grunnlag for politikken på området.</li>"
        "<li>Vi formidlar kunnskap bygd på praktiske erfaringar og forsking om lokal samfunnsutvikling.</li>"
        "<li>Vi forvaltar Merkur-programmet for distriktsbutikkar.</li></ul>",
    ),
    ("heading", {"text": "Slik deler vi kunnskapen", "level": "h2"}),
    (
        "paragraph",
        "<p>Du finn resultata av arbeidet vårt som nettartiklar, hefte og rapportar, filmar og "
        "webinar. Vi deltek òg på konferansar og held arbeidsverkstader rundt om i landet.</p>",
    ),
    ("heading", {"text": "Kven vi er til for", "level": "h2"}),
    (
        "paragraph",
        "<p>Kommunar, regionar og andre som arbeider med utviklingsoppgåver er hovudmålgruppa. "
        "Oftast er vi i kontakt med ordførarar, kommunedirektørar og prosjektleiarar. Vi prioriterer "
        "små og mellomstore kommunar og område med særlege distriktsutfordringar. I Merkur-programmet "
        "er kjøpmennene som driv nærbutikkane, dei vi er til for.</p>",
    ),
    (
        "fact_box",
        {
            "title": "Organisasjonen",
            "body": "<p>Distriktssenteret er eit uavhengig fagleg forvaltingsorgan under departementet "
            "som har ansvar for distriktspolitikken. Senteret er leia av ein direktør og har kontor i "
            "Steinkjer, Sogndal og Alstahaug.</p>",
        },
    ),
]

# The about page in English, for readers who do not read Norwegian. Written from the same
# description; it says what the centre is and does, not more than the Nynorsk page.
ABOUT_TITLE_EN = "About Distriktssenteret"
ABOUT_LEAD_EN = (
    "Distriktssenteret is the Norwegian government's centre of expertise for rural and regional "
    "development. Our job is to make municipalities and regions better able to create attractive "
    "local communities with room to grow."
)

ABOUT_BODY_EN = [
    ("heading", {"text": "What we do", "level": "h2"}),
    (
        "paragraph",
        "<p>We collect experience from municipalities and regions all over Norway and combine it "
        "with research we commission from research institutions. What we learn is turned into "
        "knowledge that people working on local development can put to use.</p>",
    ),
    ("heading", {"text": "Our tasks", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Giving municipalities knowledge they can use to develop their communities.</li>"
        "<li>Giving the ministry knowledge on which to base policy.</li>"
        "<li>Sharing knowledge about local community development, built on practical experience "
        "and research.</li>"
        "<li>Running the Merkur programme for rural grocery shops.</li></ul>",
    ),
    ("heading", {"text": "How we share what we know", "level": "h2"}),
    (
        "paragraph",
        "<p>Our work is published as web articles, booklets, reports, films and webinars, most of "
        "them in Norwegian. We also take part in conferences and run workshops around the "
        "country.</p>",
    ),
    ("heading", {"text": "Who we work for", "level": "h2"}),
    (
        "paragraph",
        "<p>Our main audience is municipalities, regions and others with development tasks; most "
        "often we work with mayors, chief municipal executives and project leaders. Small and "
        "medium-sized municipalities and areas facing particular rural challenges come first. In "
        "the Merkur programme, we work for the merchants who run local shops.</p>",
    ),
    (
        "fact_box",
        {
            "title": "The organisation",
            "body": "<p>Distriktssenteret is an independent professional agency under the ministry "
            "responsible for rural and regional policy. It is led by a director and has offices in "
            "Steinkjer, Sogndal and Alstahaug.</p>",
        },
    ),
]
