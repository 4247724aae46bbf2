"""The event calendar page and the event page with its registration questions."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from distrikt.core.blocks import BodyStreamBlock
from distrikt.core.models import BasePage
from distrikt.core.page_views import view_for
from distrikt.organisation.models import KnowledgeArea

from ..blocks import AfterEventStreamBlock, ProgrammeItemBlock
from ..ical import calendar_response
from .registrations import Registration


class EventKind(models.TextChoices):
    """The kinds of events the centre holds."""

    CONFERENCE = "konferanse", _("Konferanse")
    WORKSHOP = "arbeidsverkstad", _("Arbeidsverkstad")
    COURSE = "kurs", _("Kurs")
    WEBINAR = "webinar", _("Webinar")
    ONLINE_MEETING = "nettmote", _("Nettmøte")


class PlaceKind(models.TextChoices):
    """Where an event takes place."""

    OFFICE = "office", _("På eit av kontora våre")
    MUNICIPALITY = "municipality", _("I ein kommune, på ei adresse")
    ONLINE = "online", _("På nett")


class EventPageQuerySet(PageQuerySet):
    """Reads on events: upcoming or past, by kind, theme, target group, county and month."""

    def upcoming(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def of_kind(self, kind: str) -> "EventPageQuerySet":
        return self.filter(kind=kind)

    def webinars(self) -> "EventPageQuerySet":
        return self.of_kind(EventKind.WEBINAR)

    def open_for_registration(self, now: datetime.datetime | None = None) -> "EventPageQuerySet":
        now = now or timezone.now()
        return (
            self.filter(is_registration_enabled=True, start__gt=now)
            .filter(Q(registration_opens__isnull=True) | Q(registration_opens__lte=now))
            .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=now))
        )

    def with_knowledge_areas(self, slugs: list[str]) -> "EventPageQuerySet":
        return self.filter(knowledge_areas__slug__in=slugs).distinct()

    def with_target_groups(self, slugs: list[str]) -> "EventPageQuerySet":
        return self.filter(target_groups__slug__in=slugs).distinct()

    def in_county(self, county_slug: str) -> "EventPageQuerySet":
        return self.filter(
            Q(municipality__county__slug=county_slug) | Q(office__municipality__county__slug=county_slug)
        )

    def in_month(self, year: int, month: int) -> "EventPageQuerySet":
        first = timezone.make_aware(datetime.datetime(year, month, 1))
        following = (
            datetime.datetime(year + 1, 1, 1) if month == 12 else datetime.datetime(year, month + 1, 1)
        )
        return self.filter(start__lt=timezone.make_aware(following), end__gte=first)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class CachedRoutablePageMixin(RoutablePageMixin):
    """Serve the page's own URL through BasePage.serve, so the page cache applies to it.

    RoutablePageMixin's default index route renders directly and would skip the cache;
    the other routes (forms, feeds) stay outside it.
    """

    @path("")
    def index_route(self, request, *args, **kwargs):
        return BasePage.serve(self, request)


class EventIndexPage(CachedRoutablePageMixin, BasePage):
    """The event calendar: upcoming events with filters, past events on request, iCal feeds."""

    cache_query_params = ("kind", "theme", "target_group", "county", "month", "past", "side")

    lead = models.TextField(_("ingress"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("arrangementskalender")
        verbose_name_plural = _("arrangementskalendrar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(view_for(self, "calendar_context")(self, request))
        return context

    @path("kalender/", name="feed")
    def feed(self, request):
        events = (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .upcoming()
            .select_related("office", "municipality")
        )
        return calendar_response(events, request, "arrangement.ics")

    @path("kalender/<slug:area_slug>/", name="area_feed")
    def area_feed(self, request, area_slug: str):
        if not KnowledgeArea.objects.filter(slug=area_slug).exists():
            raise Http404
        events = (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .upcoming()
            .with_knowledge_areas([area_slug])
            .select_related("office", "municipality")
        )
        return calendar_response(events, request, f"arrangement-{area_slug}.ics")


class EventPage(CachedRoutablePageMixin, BasePage):
    """One conference, workshop, course, webinar or online meeting, with registration."""

    changes_datasets = ("events",)

    kind = models.CharField(_("type arrangement"), max_length=20, choices=EventKind.choices)
    lead = models.TextField(
        _("kort skildring"),
        max_length=400,
        help_text=_("Ei eller to setningar om kva arrangementet handlar om."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("om arrangementet"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("slutt"))
    place_kind = models.CharField(
        _("stad"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.OFFICE
    )
    office = models.ForeignKey(
        "organisation.Office",
        verbose_name=_("kontor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"valid_to__isnull": True},
    )
    address = models.TextField(_("adresse"), blank=True)
    online_url = models.URLField(
        _("lenke til strøyming eller nettmøte"),
        blank=True,
        help_text=_("Blir berre vist til påmelde, i stadfestinga og på den personlege sida deira."),
    )
    is_registration_enabled = models.BooleanField(_("open for påmelding"), default=True)
    capacity = models.PositiveIntegerField(
        _("tal på plassar"),
        null=True,
        blank=True,
        help_text=_("Tomt betyr utan grense. Når plassane er fylte, går nye på venteliste."),
    )
    requires_opt_in = models.BooleanField(
        _("krev stadfesting på e-post"),
        default=False,
        help_text=_("Plassen blir halden ei stund og tel først når personen har klikka på lenka i e-posten."),
    )
    registration_opens = models.DateTimeField(_("påmeldinga opnar"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("påmeldingsfrist"), null=True, blank=True)
    price = models.DecimalField(
        _("pris (kr)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Tomt betyr gratis."),
    )
    programme = StreamField([("item", ProgrammeItemBlock())], verbose_name=_("program"), blank=True)
    target_groups = ParentalManyToManyField(
        "organisation.TargetGroup", verbose_name=_("målgrupper"), blank=True
    )
    knowledge_areas = ParentalManyToManyField(
        "organisation.KnowledgeArea", verbose_name=_("tema"), blank=True
    )
    contact_person = models.ForeignKey(
        "organisation.Person",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        _("e-post for spørsmål"),
        blank=True,
        help_text=_("Blir brukt når kontaktpersonen ikkje har e-post."),
    )
    after_event = StreamField(
        AfterEventStreamBlock(),
        verbose_name=_("etter arrangementet"),
        blank=True,
        help_text=_("Opptak, presentasjonar og spørsmål og svar."),
    )
    is_demo = models.BooleanField(
        _("demodata"), default=False, help_text=_("Oppdikta arrangement for utprøving.")
    )

    objects = EventPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Tid")),
        MultiFieldPanel(
            [
                FieldPanel("place_kind"),
                FieldPanel("office"),
                FieldPanel("municipality"),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            heading=_("Stad"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_registration_enabled"),
                FieldPanel("capacity"),
                FieldPanel("requires_opt_in"),
                FieldPanel("registration_opens"),
                FieldPanel("registration_deadline"),
                FieldPanel("price"),
            ],
            heading=_("Påmelding"),
        ),
        InlinePanel("questions", label=_("Ekstra spørsmål i påmeldinga")),
        FieldPanel("body"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("target_groups"), FieldPanel("knowledge_areas")],
            heading=_("Målgrupper og tema"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email")],
            heading=_("Arrangør"),
        ),
        FieldPanel("after_event"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangement")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Slutten kan ikkje vere før starten.")
        if self.place_kind == PlaceKind.OFFICE and not self.office_id:
            errors["office"] = _("Vel kontoret arrangementet er på.")
        if self.place_kind == PlaceKind.MUNICIPALITY:
            if not self.municipality_id:
                errors["municipality"] = _("Vel kommunen arrangementet er i.")
            if not self.address.strip():
                errors["address"] = _("Skriv adressa.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("Fristen kan ikkje vere etter at arrangementet er slutt.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return self.place_kind == PlaceKind.ONLINE

    @property
    def is_free(self) -> bool:
        return not self.price

    @property
    def place_municipality(self):
        """The municipality the event is in, through the office or directly; None online."""
        if self.place_kind == PlaceKind.OFFICE and self.office_id:
            return self.office.municipality
        if self.place_kind == PlaceKind.MUNICIPALITY:
            return self.municipality
        return None

    @property
    def place_text(self) -> str:
        """The place as one line of text, for the calendar list, e-mails and .ics files."""
        if self.place_kind == PlaceKind.ONLINE:
            return str(_("På nett"))
        if self.place_kind == PlaceKind.OFFICE and self.office_id:
            address = self.office.visiting_address.replace("\n", ", ")
            return f"Distriktssenteret {self.office.name}" + (f", {address}" if address else "")
        parts = [self.address.replace("\n", ", ")]
        if self.municipality_id:
            parts.append(self.municipality.name)
        return ", ".join(part for part in parts if part)

    @property
    def organiser_email(self) -> str:
        if self.contact_person_id and self.contact_person.email:
            return self.contact_person.email
        return self.contact_email

    def is_past(self, now: datetime.datetime | None = None) -> bool:
        return self.end < (now or timezone.now())

    @property
    def cache_timeout(self) -> int | None:  # type: ignore[override]
        """A cached copy of the page (or its form) lives until the registration state or the
        upcoming/past label next changes (opening, deadline, start, end), at most the usual time."""
        now = timezone.now()
        moments = [
            moment
            for moment in (self.registration_opens, self.registration_deadline, self.start, self.end)
            if moment is not None and moment > now
        ]
        if not moments:
            return None
        seconds = int((min(moments) - now).total_seconds()) + 1
        return max(1, min(seconds, settings.PAGE_CACHE_SECONDS))

    def registration_state(self, now: datetime.datetime | None = None) -> str:
        """One of: disabled, not_open, open, closed (deadline passed or event started)."""
        now = now or timezone.now()
        if not self.is_registration_enabled:
            return "disabled"
        if self.registration_opens and now < self.registration_opens:
            return "not_open"
        if (self.registration_deadline and now > self.registration_deadline) or now >= self.start:
            return "closed"
        return "open"

    def knowledge_bank_entry(self) -> dict | None:
        """What the knowledge bank lists for a webinar; None for other kinds."""
        if self.kind != EventKind.WEBINAR:
            return None
        municipality = self.place_municipality
        return {
            "content_type": "webinar",
            "date": timezone.localtime(self.start).date(),
            "summary": self.lead,
            "knowledge_areas": list(self.knowledge_areas.all()),
            "target_groups": list(self.target_groups.all()),
            "municipalities": [municipality] if municipality else [],
            "counties": [municipality.county] if municipality else [],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seats"] = Registration.objects.seat_counts(self)
        context["registration_state"] = self.registration_state()
        context["is_past"] = self.is_past()
        return context

    @path("pamelding/", name="register")
    def register(self, request):
        return view_for(self, "register")(request, self)

    @path("kalender/", name="ics")
    def ics(self, request):
        return calendar_response([self], request, f"{self.slug}.ics")


class RegistrationQuestion(Orderable):
    """An extra question an editor adds to one event's registration form."""

    # Part of the page: publishing the page purges it.
    changes_datasets = ()

    class Kind(models.TextChoices):
        TEXT = "text", _("Tekst")
        CHOICE = "choice", _("Val mellom alternativ")
        YES_NO = "yes_no", _("Ja eller nei")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("spørsmål"), max_length=200)
    kind = models.CharField(_("type svar"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("alternativ"), blank=True, help_text=_("Eitt alternativ per linje."))
    is_required = models.BooleanField(_("påkravd"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("is_required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("ekstra spørsmål")
        verbose_name_plural = _("ekstra spørsmål")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def field_name(self) -> str:
        return f"question_{self.pk}"

    def clean(self) -> None:
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Skriv minst to alternativ, eitt per linje.")})
