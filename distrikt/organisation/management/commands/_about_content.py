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
