"""The figures the centre reports to the ministry for one year (årsrapport), as tables.

Every figure is counted from the registers as they are now; each table says what it counts.
The tables are the admin page and the Excel export alike.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from distrikt.core.exports import Table
from distrikt.core.language_share import build_language_share_report
from distrikt.events.models import EventKind, EventPage, Registration
from distrikt.knowledge.models import ContentType, KnowledgeEntry, ResearchCommission
from distrikt.merkur import services as merkur_services
from distrikt.merkur.models import Shop, ShopService
from distrikt.municipalities.models import County
from distrikt.organisation.models import KnowledgeArea

from .models import Brief, BriefStatus

MERKUR_AREA_SLUG = "merkur"


@dataclass
class AnnualFigures:
    """One year's figures: each table with a title, a header and rows."""

    year: int
    tables: list[Table]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole * 100, 1) if whole else None


def knowledge_tables(year: int) -> list[Table]:
    entries = KnowledgeEntry.objects.in_year(year)
    by_type = Counter(dict(entries.values_list("content_type").annotate(n=Count("pk"))))
    type_rows = [[label, by_type.get(code, 0)] for code, label in ContentType.choices]
    type_rows.append([_("Totalt"), sum(by_type.values())])
    by_theme = dict(
        entries.values_list("knowledge_areas")
        .annotate(n=Count("pk", distinct=True))
        .values_list("knowledge_areas", "n")
    )
    theme_rows = [[area.localized_name, by_theme.get(area.pk, 0)] for area in KnowledgeArea.objects.all()]
    theme_rows.append([_("Utan tema"), by_theme.get(None, 0)])
    by_language = Counter(dict(entries.values_list("language").annotate(n=Count("pk"))))
    counted = by_language["nn"] + by_language["nb"]
    words = next((row for row in build_language_share_report().by_year if row.label == str(year)), None)
    brief_words = Counter(
        dict(
            Brief.objects.filter(status=BriefStatus.DONE, finished_at__year=year)
            .values_list("language")
            .annotate(words=Sum("word_count"))
        )
    )
    language_rows = []
    for code, label in (("nn", _("Nynorsk")), ("nb", _("Bokmål"))):
        language_rows.append(
            [
                label,
                by_language[code],
                _share(by_language[code], counted),
                words.words[code] if words else 0,
                _share(words.words[code], words.counted_total) if words else None,
                brief_words[code] or 0,
            ]
        )
    return [
        Table(_("Kunnskapsprodukt etter type"), [_("Type"), _("Tal")], type_rows),
        Table(_("Kunnskapsprodukt etter tema"), [_("Tema"), _("Tal")], theme_rows),
        Table(
            _("Målform"),
            [
                _("Målform"),
                _("Kunnskapsprodukt"),
                _("Del av produkta (%)"),
                _("Ord på publiserte sider"),
                _("Del av orda (%)"),
                _("Ord i kunnskapsgrunnlag"),
            ],
            language_rows,
        ),
    ]


def _event_county(event: EventPage) -> County | None:
    municipality = event.municipality or (event.office.municipality if event.office else None)
    return municipality.county if municipality else None


def event_tables(year: int) -> list[Table]:
    events = list(
        EventPage.objects.live()
        .filter(start__year=year)
        .select_related("municipality__county", "office__municipality__county")
    )
    participants = Registration.objects.filter(event__in=[event.pk for event in events]).confirmed()
    by_kind = Counter(event.kind for event in events)
    participants_by_kind: Counter = Counter()
    per_event = dict(
        participants.values_list("event_id").annotate(n=Count("pk")).values_list("event_id", "n")
    )
    for event in events:
        participants_by_kind[event.kind] += per_event.get(event.pk, 0)
    kind_rows = [
        [label, by_kind.get(code, 0), participants_by_kind.get(code, 0)] for code, label in EventKind.choices
    ]
    kind_rows.append([_("Totalt"), len(events), sum(per_event.values())])

    events_by_county = Counter(
        county.name if (county := _event_county(event)) else _("På nett eller utan stad") for event in events
    )
    participants_by_county = Counter(
        dict(participants.values_list("municipality__county__name").annotate(n=Count("pk")))
    )
    county_names = [county.name for county in County.objects.current()]
    county_rows = [
        [name, events_by_county.get(name, 0), participants_by_county.get(name, 0)] for name in county_names
    ]
    county_rows.append(
        [
            _("Ukjend kommune eller på nett"),
            events_by_county.get(_("På nett eller utan stad"), 0),
            participants_by_county.get(None, 0),
        ]
    )
    by_class = Counter(
        dict(participants.values_list("municipality__centrality_class").annotate(n=Count("pk")))
    )
    class_rows = [[str(number), by_class.get(number, 0)] for number in range(1, 7)]
    class_rows.append([_("Ukjend"), by_class.get(None, 0)])
    return [
        Table(_("Arrangement etter type"), [_("Type"), _("Arrangement"), _("Deltakarar")], kind_rows),
        Table(
            _("Arrangement og deltakarar etter fylke"),
            [_("Fylke"), _("Arrangement i fylket"), _("Deltakarar frå fylket")],
            county_rows,
        ),
        Table(
            _("Deltakarar etter sentralitetsklassen til kommunen deira"),
            [_("Sentralitetsklasse"), _("Deltakarar")],
            class_rows,
        ),
    ]


def merkur_table(year: int) -> Table:
    year_end = datetime.date(year, 12, 31)
    shops = Shop.objects.filter(Q(member_since__isnull=True) | Q(member_since__lte=year_end)).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=year_end)
    )
    services = ShopService.objects.active_on(year_end).filter(shop__in=shops)
    courses = EventPage.objects.live().filter(
        start__year=year, kind=EventKind.COURSE, knowledge_areas__slug=MERKUR_AREA_SLUG
    )
    is_demo = shops.filter(is_demo=True).exists()
    rows = [
        [_("Butikkar i programmet ved utgangen av året"), shops.count()],
        [_("Butikkar med demodata blant dei"), shops.filter(is_demo=True).count()],
        [_("Tilleggstenester i drift ved utgangen av året"), services.count()],
        [_("Butikkar nedlagde i året"), Shop.objects.filter(closed_on__year=year).count()],
        [_("Kurs for kjøpmenn (arrangement av typen kurs med temaet Merkur)"), courses.distinct().count()],
    ]
    if is_demo:
        rows.append([_("Registeret inneheld demodata: tala er ikkje ekte."), None])
    return Table(_("Merkur"), [_("Tal"), _("Verdi")], rows)


def merkur_grants_table(year: int) -> Table:
    """Applications and grants of the application year, per scheme and in total."""
    figures = merkur_services.grant_figures_for_year(year)
    total = figures.year_row

    def cells(row) -> list:
        return [row.applications, row.refused, row.granted, row.granted_sum, row.paid_sum]

    rows = [[row.label, *cells(row)] for row in figures.by_scheme]
    rows.append([_("Totalt"), *(cells(total) if total else [0, 0, 0, 0, 0])])
    demo_cases = total.demo if total else 0
    if demo_cases:
        rows.append(
            [
                _("Tala tek med %(count)s demosaker: dei er ikkje ekte.") % {"count": demo_cases},
                None,
                None,
                None,
                None,
                None,
            ]
        )
    return Table(
        _("Merkur-tilskot for søknadsåret"),
        [
            _("Ordning"),
            _("Søknader"),
            _("Avslått"),
            _("Innvilga tilskot"),
            _("Innvilga (kr)"),
            _("Utbetalt til no (kr)"),
        ],
        rows,
    )


def research_table(year: int) -> Table:
    ordered = ResearchCommission.objects.ordered_in(year)
    delivered = ResearchCommission.objects.delivered_in(year)
    return Table(
        _("FoU-oppdrag"),
        [_("Tal"), _("Oppdrag"), _("Budsjett (kr)")],
        [
            [_("Bestilte i året"), ordered.count(), ordered.aggregate(total=Sum("budget"))["total"] or 0],
            [_("Leverte i året"), delivered.count(), delivered.aggregate(total=Sum("budget"))["total"] or 0],
            [_("Under arbeid no"), ResearchCommission.objects.ongoing().count(), None],
        ],
    )


def annual_figures(year: int) -> AnnualFigures:
    """Every table of the year's report, in the active language."""
    return AnnualFigures(
        year=year,
        tables=[
            *knowledge_tables(year),
            *event_tables(year),
            merkur_table(year),
            merkur_grants_table(year),
            research_table(year),
        ],
    )
