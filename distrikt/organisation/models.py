"""The organisation: knowledge areas, target groups, offices and staff, and their pages."""

from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for

from .vcard import person_vcard


class NamedInThreeLanguages(models.Model):
    """A register entry named in Nynorsk, with Bokmål and English names for the interface."""

    name = models.CharField(_("namn (nynorsk)"), max_length=150)
    name_nb = models.CharField(_("namn (bokmål)"), max_length=150, blank=True)
    name_en = models.CharField(_("namn (engelsk)"), max_length=150, blank=True)
    slug = models.SlugField(_("adressenamn"), max_length=160, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        language = get_language() or "nn"
        if language == "nb" and self.name_nb:
            return self.name_nb
        if language == "en" and self.name_en:
            return self.name_en
        return self.name


class KnowledgeArea(index.Indexed, NamedInThreeLanguages):
    """One of the centre's knowledge areas (and Merkur); content, staff and events are tagged with it."""

    # Their names show on most pages (topics, target groups, filters).
    changes_datasets = ("organisation",)
    changes_every_page = True

    description = models.TextField(_("skildring"), blank=True)
    contact_email = models.EmailField(
        _("e-post for spørsmål"),
        blank=True,
        help_text=_("Kontaktskjemaet sender spørsmål om dette området hit (elles til hovudadressa)."),
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_nb"),
        index.SearchField("description"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_nb"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("contact_email"),
        FieldPanel("sort_order"),
    ]

    class Meta(NamedInThreeLanguages.Meta):
        verbose_name = _("kunnskapsområde")
        verbose_name_plural = _("kunnskapsområde")


class TargetGroup(NamedInThreeLanguages):
    """Who a piece of content or an event is for: mayors, merchants, the ministry …"""

    changes_datasets = ("organisation",)
    changes_every_page = True

    panels = [
        FieldPanel("name"),
        FieldPanel("name_nb"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta(NamedInThreeLanguages.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Office(models.Model):
    """One of the centre's offices. Blank fields are left for editors to fill, never guessed."""

    changes_datasets = ("organisation",)

    name = models.CharField(_("namn"), max_length=120)
    slug = models.SlugField(_("adressenamn"), max_length=140, unique=True)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visiting_address = models.TextField(_("besøksadresse"), blank=True)
    postal_address = models.TextField(_("postadresse"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    opening_hours = models.CharField(_("opningstider"), max_length=200, blank=True)
    latitude = models.DecimalField(_("breiddegrad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengdegrad"), max_digits=9, decimal_places=6, null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("municipality"),
        MultiFieldPanel(
            [
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Plassering på kart"),
        ),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("kontor")
        verbose_name_plural = _("kontor")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str:
        if not self.has_location:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=14/{self.latitude}/{self.longitude}"


class PersonQuerySet(models.QuerySet):
    def search_name(self, query: str) -> "PersonQuerySet":
        result = self
        for word in query.split():
            result = result.filter(name__icontains=word)
        return result

    def in_office(self, office_slug: str) -> "PersonQuerySet":
        return self.filter(office__slug=office_slug)

    def with_expertise(self, area_slug: str) -> "PersonQuerySet":
        return self.filter(knowledge_areas__slug=area_slug).distinct()

    def for_directory(self) -> "PersonQuerySet":
        return self.select_related("office", "photo").prefetch_related("knowledge_areas")

    def matching(self, *, name: str = "", office_slug: str = "", area_slug: str = "") -> "PersonQuerySet":
        """People whose name has every word of `name`, in the office and area given (blank: any)."""
        result = self.search_name(name) if name else self
        if office_slug:
            result = result.in_office(office_slug)
        if area_slug:
            result = result.with_expertise(area_slug)
        return result


class Person(index.Indexed, models.Model):
    """A member of staff in the directory."""

    changes_datasets = ("organisation",)

    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(_("adressenamn"), max_length=160, unique=True)
    job_title = models.CharField(_("stilling"), max_length=150)
    office = models.ForeignKey(
        Office,
        verbose_name=_("kontor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    knowledge_areas = models.ManyToManyField(
        KnowledgeArea, verbose_name=_("fagområde"), blank=True, related_name="experts"
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bilete"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("alternativ tekst til biletet"),
        max_length=300,
        blank=True,
        help_text=_("Påkravd når personen har bilete."),
    )
    bio = models.TextField(_("kort om personen"), blank=True)
    is_demo = models.BooleanField(_("demodata"), default=False, help_text=_("Oppdikta person for utprøving."))
    sort_order = models.PositiveSmallIntegerField(_("rekkjefølgje"), default=100)

    objects = PersonQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("bio"),
        index.FilterField("office_id"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("job_title"),
        FieldPanel("office"),
        FieldPanel("knowledge_areas"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Kontakt")),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Bilete")),
        FieldPanel("bio"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("tilsett")
        verbose_name_plural = _("tilsette")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        directory = StaffDirectoryPage.objects.live().first()
        return directory.url + directory.reverse_subpage("person", args=[self.slug]) if directory else ""

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Skriv ein alternativ tekst til biletet.")})
        if not self.slug:
            self.slug = slugify(self.name)


class StaffDirectoryPage(RoutablePageMixin, BasePage):
    """The staff directory: search by name, filter by office and area, one page per person."""

    shows_datasets = ("organisation",)
    cache_query_params = ("q", "office", "area", "page")

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("tilsettliste")

    @path("")
    def staff_list(self, request):
        return view_for(self, "staff_list")(request, self)

    @path("<slug:slug>/")
    def person(self, request, slug: str):
        person = get_object_or_404(Person.objects.for_directory(), slug=slug)
        return self.render(
            request,
            context_overrides={"person": person},
            template="organisation/person_page.html",
        )

    @path("<slug:slug>/vcard/")
    def person_vcard(self, request, slug: str):
        person = get_object_or_404(Person.objects.select_related("office"), slug=slug)
        response = HttpResponse(person_vcard(person, request), content_type="text/vcard; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{person.slug}.vcf"'
        return response

    def get_extra_sitemap_paths(self) -> list[str]:
        return [f"{slug}/" for slug in Person.objects.values_list("slug", flat=True)]

    def person_url(self, person: Person) -> str:
        return self.url + self.reverse_subpage("person", args=[person.slug])

    def route_not_found(self) -> None:
        raise Http404


class OfficeIndexPage(BasePage):
    """Contact page: the three offices with addresses, opening hours and a map link."""

    shows_datasets = ("organisation",)

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("kontoroversikt")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = Office.objects.select_related("municipality").prefetch_related("staff")
        return context


class ContactPage(BasePage):
    """Contact us: a form that reaches the right office or knowledge area, and the offices."""

    # The form carries a CSRF token and the reader's own input: never kept in the page cache.
    is_cacheable = False
    shows_datasets = ("organisation",)

    lead = models.TextField(_("ingress"), blank=True)
    privacy_note = models.TextField(
        _("om personvern ved skjemaet"),
        blank=True,
        help_text=_(
            "Kort om kva vi gjer med det som blir sendt (lenka til personvernerklæringa kjem under)."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("privacy_note")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("kontaktside")

    def serve(self, request, *args, **kwargs):
        request.is_preview = getattr(request, "is_preview", False)
        return view_for(self, "contact")(request, self)


# Messages hold readers' names and addresses: only this group reads them in the admin.
CONTACT_MESSAGE_READER_GROUP_NAME = "Postmottak"
VIEW_CONTACT_MESSAGES_PERMISSION = "organisation.view_contactmessage"


class ContactMessage(models.Model):
    """A message sent with the contact form; deleted after CONTACT_MESSAGE_RETENTION_DAYS."""

    # Messages show on no public page.
    changes_datasets = ()

    name = models.CharField(_("namn"), max_length=150)
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    office = models.ForeignKey(
        Office, verbose_name=_("kontor"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    knowledge_area = models.ForeignKey(
        KnowledgeArea,
        verbose_name=_("kunnskapsområde"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("melding"))
    recipient = models.EmailField(_("sendt til"))
    language = models.CharField(_("språk"), max_length=2, default="nn")
    created_at = models.DateTimeField(_("motteke"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("melding frå kontaktskjemaet")
        verbose_name_plural = _("meldingar frå kontaktskjemaet")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.created_at:%Y-%m-%d})"

    @property
    def topic(self) -> str:
        if self.office is not None:
            return self.office.name
        if self.knowledge_area is not None:
            return self.knowledge_area.localized_name
        return ""
