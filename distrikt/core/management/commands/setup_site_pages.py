"""Create the home page, the accessibility and privacy statements, and wire the footer (idempotent).

Pages other apps own (the contact page, the news list) are created by those apps' loaders,
which `load_bundled_data` runs after this command.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from distrikt.core.models import (
    AccessibilityStatementPage,
    ComplianceStatus,
    CriterionStatus,
    HomePage,
    PrivacyStatementPage,
    SiteSettings,
)

HOME_LEAD = (
    "Distriktssenteret hjelper små og mellomstore kommunar og regionar med å byggje "
    "lokalsamfunn som folk vil bu, arbeide og drive næring i. Her finn du kunnskap frå "
    "praksis og forsking, tal om din eigen kommune, Merkur-programmet for nærbutikkar "
    "og arrangement du kan melde deg på."
)

# The same introduction for readers of Bokmål and English; the English one first says what
# the centre is, since an international reader cannot be assumed to know.
HOME_LEAD_NB = (
    "Distriktssenteret hjelper små og mellomstore kommuner og regioner med å bygge "
    "lokalsamfunn som folk vil bo, jobbe og drive næring i. Her finner du kunnskap fra "
    "praksis og forskning, tall om din egen kommune, Merkur-programmet for nærbutikker "
    "og arrangementer du kan melde deg på."
)
HOME_LEAD_EN = (
    "Distriktssenteret is the Norwegian government's centre of expertise for rural and "
    "regional development. We help small and medium-sized municipalities and regions build "
    "communities where people want to live, work and run a business. On this site you will "
    "find knowledge from practice and research, figures for every Norwegian municipality, the "
    "Merkur programme for rural grocery shops, and events you can sign up for. Most of the "
    "articles and reports are written in Norwegian."
)

KNOWLEDGE_AREA_CARDS = [
    (
        "Framtidas samfunnsutvikling i kommunane",
        "Arbeidsmåtar og erfaringar som gjer kommunen til ein god samfunnsutviklar, i dag og i åra som kjem.",
    ),
    (
        "Nærbutikkane si rolle",
        "Kva butikken betyr for bygda, og korleis kommune og kjøpmann kan dra saman.",
    ),
    (
        "Berekraftig samfunnsutvikling og verdiskaping",
        "Samanhengen mellom økonomiske, miljømessige, kulturelle og sosiale verdiar lokalt.",
    ),
    (
        "Regionalt samarbeid",
        "Korleis kommunar styrkjer utviklingskapasiteten sin ved å samarbeide i regionen.",
    ),
    (
        "Lokaldemokrati",
        "Ordningar og erfaringar som gjer det lettare for innbyggjarane å vere med og påverke.",
    ),
    (
        "Merkur",
        "Programmet for distriktsbutikkar: tilleggstenester, kompetanse og støtte til kjøpmenn.",
    ),
]


class Command(BaseCommand):
    help = "Create the home page of the site if it does not exist."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if HomePage.objects.exists():
            self.stdout.write("Home page exists.")
        else:
            self._create_home_page()
        home = HomePage.objects.get()
        self._introduce_in_other_languages(home)
        self._create_statements(home)

    def _introduce_in_other_languages(self, home: HomePage) -> None:
        """Fill the shipped Bokmål and English introductions where an editor has written none.

        A home page with an unpublished draft is left to its editor.
        """
        if (home.lead_nb and home.lead_en) or home.has_unpublished_changes:
            return
        home.lead_nb = home.lead_nb or HOME_LEAD_NB
        home.lead_en = home.lead_en or HOME_LEAD_EN
        home.save_revision().publish()

    def _create_home_page(self) -> None:
        root = Page.get_first_root_node() or self._create_tree_root()
        home = HomePage(
            title="Distriktssenteret",
            slug="distriktssenteret",
            language="nn",
            lead=HOME_LEAD,
            body=[
                (
                    "cards",
                    {
                        "heading": "Kunnskapsområde",
                        "intro": "Vel eit område for å finne kunnskap, døme og arrangement.",
                        "cards": [
                            {"title": title, "text": text, "page": None, "url": ""}
                            for title, text in KNOWLEDGE_AREA_CARDS
                        ],
                    },
                )
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        old_default = Page.objects.filter(depth=2).exclude(pk=home.pk).filter(slug="home").first()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Distriktssenteret",
            )
        else:
            site.root_page = home
            site.site_name = "Distriktssenteret"
            site.save()
        if old_default is not None and old_default.specific_class is Page:
            old_default.delete()
        self.stdout.write("Created the home page.")

    def _create_tree_root(self) -> Page:
        """Recreate Wagtail's tree root when the table was emptied (as a test flush does)."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        return Page.add_root(instance=Page(title="Root", slug="root"))

    def _create_statements(self, home: HomePage) -> None:
        site_settings = SiteSettings.load()
        if not AccessibilityStatementPage.objects.exists():
            statement = AccessibilityStatementPage(
                title="Tilgjengelegheitserklæring",
                slug="tilgjengelegheit",
                language="nn",
                lead=ACCESSIBILITY_LEAD,
                compliance=ComplianceStatus.PARTIAL,
                method=ACCESSIBILITY_METHOD,
                findings=[
                    (
                        "criterion",
                        {
                            "criterion": number,
                            "status": CriterionStatus.NOT_TESTED,
                            "content": content,
                            "reason": reason,
                        },
                    )
                    for number, content, reason in ACCESSIBILITY_NOT_TESTED
                ],
                feedback_email=site_settings.organisation_email,
            )
            home.add_child(instance=statement)
            statement.save_revision().publish()
            self.stdout.write("Created the accessibility statement.")
        if not PrivacyStatementPage.objects.exists():
            privacy = PrivacyStatementPage(
                title="Personvernerklæring",
                slug="personvern",
                language="nn",
                lead=PRIVACY_LEAD,
                controller="Distriktssenteret – Kompetansesenter for distriktsutvikling",
                body=[("paragraph", RichText(html)) for html in PRIVACY_BODY],
                deletion=PRIVACY_DELETION,
                contact_email=site_settings.organisation_email,
            )
            home.add_child(instance=privacy)
            privacy.save_revision().publish()
            self.stdout.write("Created the privacy statement.")
        changed = []
        if site_settings.accessibility_page_id is None:
            site_settings.accessibility_page = AccessibilityStatementPage.objects.first()
            changed.append("accessibility_page")
        if site_settings.privacy_page_id is None:
            site_settings.privacy_page = PrivacyStatementPage.objects.first()
            changed.append("privacy_page")
        if changed:
            site_settings.save(update_fields=changed)


ACCESSIBILITY_LEAD = (
    "Offentlege verksemder skal ha ei tilgjengelegheitserklæring for nettstaden sin. Her gjer vi "
    "greie for kva krav i regelverket for universell utforming av ikt nettstaden oppfyller, kva han "
    "ikkje oppfyller enno, og korleis du kan seie frå."
)
ACCESSIBILITY_METHOD = (
    "Nettstaden blir testa automatisk med axe-core i ein nettlesar: éi side av kvar sidetype, på "
    "nynorsk, bokmål og engelsk, mot WCAG 2.1 nivå A og AA. Automatisk testing finn ikkje alle "
    "feil. Krava som ikkje kan prøvast automatisk, er merkte «Ikkje testa» til dei er testa manuelt."
)
ACCESSIBILITY_NOT_TESTED = [
    (
        "1.2.1",
        "Filmar og webinaropptak som er bygde inn frå YouTube eller Vimeo.",
        "Alternativ til innhald i video er ikkje gått gjennom manuelt.",
    ),
    (
        "1.2.2",
        "Filmar og webinaropptak som er bygde inn frå YouTube eller Vimeo.",
        "Om opptaka har teksting, avheng av kvart opptak og er ikkje kontrollert.",
    ),
    (
        "1.4.10",
        "Tabellar, diagram og kart.",
        "Sidene er bygde for smale skjermar, men er ikkje testa manuelt med 400 % forstørring.",
    ),
    (
        "2.5.3",
        "Knappar og lenkjer med synleg tekst.",
        "Ikkje testa manuelt med talestyring.",
    ),
]
PRIVACY_LEAD = (
    "Her står det kva opplysningar Distriktssenteret lagrar om deg når du bruker nettstaden, "
    "kvifor vi gjer det, kor lenge vi tek vare på dei, og korleis du får dei sletta."
)
PRIVACY_BODY = [
    "<h2>Når du les nettstaden</h2><p>Vi set ingen informasjonskapslar for statistikk eller "
    "marknadsføring, og vi hentar ikkje innhald frå andre før du sjølv vel å spele av ein "
    "innebygd film. Søk du gjer, blir lagra utan namn eller adresse, for å gjere søket betre.</p>",
    "<h2>Kjøpmenn i Merkur</h2><p>For kjøpmenn som har brukarkonto i Merkur-registeret, lagrar "
    "vi namn, e-postadresse og kva butikkar kontoen høyrer til, og nøkkeltala og søknadene "
    "butikken sender inn. Vi treng opplysningane for å forvalte Merkur-programmet og "
    "støtteordningane. Kontoen står til du ber oss slette han; saksdokument om støtte blir "
    "arkiverte etter arkivlova.</p>",
    "<h2>Redaktørar og tilsette</h2><p>For dei som redigerer nettstaden, lagrar vi namn, "
    "e-postadresse og kva dei har endra (versjonshistorikk), så vi veit kven som har publisert "
    "kva. Kontoen står så lenge personen skal redigere; versjonshistorikken følgjer sidene.</p>",
]
PRIVACY_DELETION = (
    "Du kan sjølv melde deg av og slette ei påmelding med lenka i stadfestinga, og melde deg av "
    "nyheitsbrevet med lenka nedst i kvar e-post. Vil du sjå kva vi har lagra om deg, eller få "
    "noko sletta før tida, skriv til oss, så svarar vi innan 30 dagar."
)
