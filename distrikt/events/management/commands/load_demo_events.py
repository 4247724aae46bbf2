"""Load fictitious events of every kind to try the calendar with. Marked demo in the data.

Every title ends in "(demo)" and `is_demo` is set; dates are relative to the day the
command runs, so there are always upcoming and past events. Idempotent: an event whose
slug exists is left as it is.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from distrikt.events.models import EventIndexPage, EventKind, EventPage, PlaceKind
from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import KnowledgeArea, Office, Person, TargetGroup

DEMO_VIDEO_URL = "https://video.example.org/demo/opptak-webinar-naerbutikk"
DEMO_STREAM_URL = "https://video.example.org/demo/direkte"

# slug, title, kind, days from today, start hour, hours long, place, capacity,
# knowledge areas, target groups, lead
DEMO_EVENTS = [
    (
        "demo-distriktskonferansen",
        "Distriktskonferansen (demo)",
        EventKind.CONFERENCE,
        45,
        10,
        7,
        ("office", "steinkjer"),
        150,
        ["framtidas-samfunnsutvikling", "regionalt-samarbeid"],
        ["ordforarar", "kommunedirektorar"],
        "Ein dag om korleis små kommunar kan halde på folk og skape nye arbeidsplassar. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-fjorarets-konferanse",
        "Fjorårets samlingskonferanse (demo)",
        EventKind.CONFERENCE,
        -120,
        10,
        6,
        ("office", "sogndal"),
        120,
        ["berekraft-og-verdiskaping"],
        ["kommunar-og-regionar"],
        "Samling om berekraftig verdiskaping i distrikta. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-arbeidsverkstad-stadutvikling",
        "Arbeidsverkstad om stadutvikling (demo)",
        EventKind.WORKSHOP,
        21,
        9,
        5,
        ("office", "sogndal"),
        25,
        ["framtidas-samfunnsutvikling"],
        ["prosjektleiarar"],
        "Ta med ein konkret stad i kommunen, så arbeider vi saman fram eit første utkast til plan. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-arbeidsverkstad-medverknad",
        "Arbeidsverkstad om medverknad (demo)",
        EventKind.WORKSHOP,
        -60,
        12,
        3,
        ("municipality", "1820"),
        30,
        ["lokaldemokrati"],
        ["prosjektleiarar", "kommunar-og-regionar"],
        "Korleis få fleire innbyggjarar med i planarbeidet? Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-merkurkurs-rekneskap",
        "Merkur-kurs: rekneskap og drift for nærbutikken (demo)",
        EventKind.COURSE,
        30,
        10,
        6,
        ("office", "alstahaug"),
        20,
        ["merkur", "naerbutikkane"],
        ["kjopmenn"],
        "Kurs for kjøpmenn om å lese rekneskapen, planleggje drifta og sjå kva tilleggstenester som løner seg. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-merkurkurs-tilleggstenester",
        "Merkur-kurs: tilleggstenester (demo)",
        EventKind.COURSE,
        -90,
        10,
        6,
        ("office", "steinkjer"),
        20,
        ["merkur"],
        ["kjopmenn"],
        "Kurs om post, apotekvarer og andre tenester i butikken. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-webinar-naerbutikk-og-kommune",
        "Webinar: nærbutikken og kommunen (demo)",
        EventKind.WEBINAR,
        10,
        13,
        1,
        ("online", ""),
        None,
        ["naerbutikkane"],
        ["kommunar-og-regionar", "kjopmenn"],
        "Ein time om korleis kommunen og butikken kan samarbeide. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-webinar-regionalt-samarbeid",
        "Webinar: regionalt samarbeid i praksis (demo)",
        EventKind.WEBINAR,
        -30,
        13,
        1,
        ("online", ""),
        None,
        ["regionalt-samarbeid"],
        ["kommunedirektorar", "prosjektleiarar"],
        "Tre kommunar fortel kva dei har fått til saman. Opptaket og spørsmåla ligg på sida. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-nettmote-prosjektleiarar",
        "Nettmøte for prosjektleiarar (demo)",
        EventKind.ONLINE_MEETING,
        7,
        14,
        1,
        ("online", ""),
        40,
        ["framtidas-samfunnsutvikling"],
        ["prosjektleiarar"],
        "Eit kort møte der prosjektleiarar deler erfaringar. Oppdikta arrangement for utprøving.",
    ),
    (
        "demo-nettmote-fjor",
        "Nettmøte om søknadsskriving (demo)",
        EventKind.ONLINE_MEETING,
        -14,
        14,
        1,
        ("online", ""),
        40,
        ["framtidas-samfunnsutvikling"],
        ["andre-utviklingsaktorar"],
        "Tips om å skrive gode søknader. Oppdikta arrangement for utprøving.",
    ),
]

PROGRAMME = [
    ("10:00", "10:15", "Velkomen (demo)", "", "staff"),
    (
        "10:15",
        "11:00",
        "Innlegg: erfaringar frå ein liten kommune (demo)",
        "Oppdikta innlegg.",
        "external",
    ),
    ("11:00", "11:15", "Pause", "", ""),
    ("11:15", "12:00", "Gruppearbeid (demo)", "Vi deler oss i grupper.", ""),
]


class Command(BaseCommand):
    help = "Load fictitious events (marked demo) under the event calendar."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        calendar = EventIndexPage.objects.first()
        if calendar is None:
            return
        existing = set(EventPage.objects.values_list("slug", flat=True))
        today = timezone.localdate()
        speaker = Person.objects.filter(is_demo=True).first()
        created = 0
        for row in DEMO_EVENTS:
            if row[0] in existing:
                continue
            self._create(calendar, row, today, speaker)
            created += 1
        if options.get("verbosity", 1):
            self.stdout.write(f"{created} demo event(s) created.")

    def _create(self, calendar, row, today, speaker) -> None:
        (slug, title, kind, days, hour, hours, place, capacity, areas, groups, lead) = row
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
        )
        place_kind, place_key = place
        event = EventPage(
            title=title,
            slug=slug,
            language="nn",
            kind=kind,
            lead=lead,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            place_kind=place_kind,
            capacity=capacity,
            registration_deadline=start - datetime.timedelta(days=1) if days > 2 else None,
            contact_email="post@distriktssenteret.no",
            is_demo=True,
            contact_person=speaker,
        )
        if place_kind == PlaceKind.OFFICE:
            event.office = Office.objects.filter(slug=place_key).first()
        elif place_kind == PlaceKind.MUNICIPALITY:
            event.municipality = Municipality.objects.current().filter(code=place_key).first()
            event.address = "Kommunehuset, møterom 1 (demo-adresse)"
        else:
            event.online_url = DEMO_STREAM_URL
        if kind == EventKind.COURSE:
            event.price = 500
        if kind in (EventKind.CONFERENCE, EventKind.WORKSHOP):
            event.programme = self._programme(speaker)
        if kind == EventKind.WEBINAR and days < 0:
            event.after_event = [
                (
                    "embed",
                    {"embed": DEMO_VIDEO_URL, "title": f"Opptak: {title}"},
                ),
                (
                    "question_answer",
                    {
                        "question": "Kor ofte bør samarbeidskommunane møtast? (demo)",
                        "answer": "<p>Dei som fortalde, møttest kvar månad i oppstarten og sjeldnare etterpå. Oppdikta svar.</p>",
                    },
                ),
                (
                    "question_answer",
                    {
                        "question": "Kven leier arbeidet? (demo)",
                        "answer": "<p>Éin kommune tok leiinga på vegner av dei andre. Oppdikta svar.</p>",
                    },
                ),
            ]
        calendar.add_child(instance=event)
        event.knowledge_areas.set(KnowledgeArea.objects.filter(slug__in=areas))
        event.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
        if kind == EventKind.WORKSHOP:
            event.questions.create(label="Kva stad vil du arbeide med?", kind="text", sort_order=0)
            event.questions.create(label="Overnattar du?", kind="yes_no", sort_order=1)
        event.save_revision().publish()

    @staticmethod
    def _programme(speaker) -> list:
        items = []
        for start, end, title, description, who in PROGRAMME:
            speakers = []
            if who == "staff" and speaker is not None:
                speakers.append(("staff", speaker))
            if who == "external":
                speakers.append(
                    (
                        "external",
                        {
                            "name": "Kari Døme (demo)",
                            "title": "Rådgivar",
                            "organisation": "Ein oppdikta kommune",
                        },
                    )
                )
            items.append(
                (
                    "item",
                    {
                        "start_time": datetime.time.fromisoformat(start),
                        "end_time": datetime.time.fromisoformat(end),
                        "title": title,
                        "description": description,
                        "speakers": speakers,
                    },
                )
            )
        return items
