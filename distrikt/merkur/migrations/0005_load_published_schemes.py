"""Load the Merkur programme's support schemes with their published rules.

Amounts, shares and limits as the programme publishes them (summarised in issue 10); from
here on they are editable data in the Wagtail admin. Turnover is counted without VAT,
fuel, animal feed and fertiliser. Existing schemes (same slug) are left as edited.
"""

from django.db import migrations

TURNOVER_NOTE = "Omsetnad utan meirverdiavgift, drivstoff, dyrefôr og kunstgjødsel."

SCHEMES = [
    {
        "slug": "investeringsstotte",
        "name": "Investeringsstøtte",
        "purpose": "Tilskot til investeringar som gjer butikken betre rusta for framtida, til dømes inventar, kjøle- og frysedisker, ombygging og energitiltak.",
        "who_may_apply": "Daglegvarebutikkar i Merkur-programmet med færre enn 200 hushald i den lokale marknaden og lang veg til næraste daglegvarebutikk.",
        "max_amount": 600_000,
        "min_amount": 25_000,
        "max_cost_share": 75,
        "is_yearly": False,
        "required_attachments": "Kostnadsoverslag eller tilbod, rekneskap for siste år, fråsegn frå kommunen.",
        "rules": [
            {"kind": "cost_share_band", "value": 8_000_000, "share": 75, "explanation": "Opp til 75 % av kostnaden for butikkar med omsetnad opp til 8 mill. kr. " + TURNOVER_NOTE},
            {"kind": "cost_share_band", "value": 13_000_000, "share": 50, "explanation": "Opp til 50 % av kostnaden for butikkar med omsetnad opp til 13 mill. kr. " + TURNOVER_NOTE},
            {"kind": "households_fewer_than", "value": 200, "explanation": "Færre enn 200 hushald i den lokale marknaden."},
            {"kind": "distance_at_least", "value": 10, "discretion_from": 5, "allows_no_road_link": True, "explanation": "Minst 10 km til næraste daglegvarebutikk (5–10 km etter skjønn), eller ikkje fast vegsamband."},
        ],
    },
    {
        "slug": "utviklingsstotte",
        "name": "Utviklingsstøtte",
        "purpose": "Tilskot til utvikling av butikken, til dømes kompetanse, marknadsføring og nye tilbod.",
        "who_may_apply": "Daglegvarebutikkar i Merkur-programmet med omsetnad mellom 4 og 8 mill. kr og minst 20 km til næraste butikk.",
        "max_amount": 50_000,
        "min_amount": 25_000,
        "max_cost_share": 100,
        "is_yearly": True,
        "required_attachments": "Prosjektplan med kostnadsoverslag, rekneskap for siste år.",
        "rules": [
            {"kind": "turnover_at_least", "value": 4_000_000, "explanation": "Omsetnad minst 4 mill. kr. " + TURNOVER_NOTE},
            {"kind": "turnover_at_most", "value": 8_000_000, "explanation": "Omsetnad høgst 8 mill. kr. " + TURNOVER_NOTE},
            {"kind": "distance_at_least", "value": 20, "explanation": "Minst 20 km til næraste daglegvarebutikk."},
        ],
    },
    {
        "slug": "servicestotte",
        "name": "Servicestøtte",
        "purpose": "Årleg tilskot til butikkar som held oppe viktige tenester for lokalsamfunnet.",
        "who_may_apply": "Daglegvarebutikkar med omsetnad under 4 mill. kr, minst 20 km til næraste butikk og minst tre dokumenterte servicefunksjonar.",
        "max_amount": 100_000,
        "min_amount": None,
        "max_cost_share": 100,
        "is_yearly": True,
        "required_attachments": "Dokumentasjon av servicefunksjonane, rekneskap for siste år.",
        "rules": [
            {"kind": "turnover_below", "value": 4_000_000, "explanation": "Omsetnad under 4 mill. kr. " + TURNOVER_NOTE},
            {"kind": "distance_at_least", "value": 20, "explanation": "Minst 20 km til næraste daglegvarebutikk."},
            {"kind": "service_functions_at_least", "value": 3, "explanation": "Minst tre dokumenterte servicefunksjonar."},
            {"kind": "not_same_year_as", "other": "utviklingsstotte", "explanation": "Kan ikkje givast same år som utviklingsstøtte."},
        ],
    },
    {
        "slug": "drivstoffanlegg",
        "name": "Investeringsstøtte til drivstoffanlegg",
        "purpose": "Tilskot til investering i drivstoffanlegg, også lading av elbil.",
        "who_may_apply": "Drivstoffanlegg som sel under 300 000 liter i året.",
        "max_amount": 600_000,
        "min_amount": None,
        "max_cost_share": 100,
        "is_yearly": False,
        "required_attachments": "Kostnadsoverslag eller tilbod, oversikt over sal av drivstoff siste år.",
        "rules": [
            {"kind": "fuel_litres_below", "value": 300_000, "explanation": "Sal under 300 000 liter drivstoff i året. Lading av elbil er med."},
        ],
    },
    {
        "slug": "bokhandel",
        "name": "Utviklingsstøtte til bokhandlar",
        "purpose": "Tilskot til utvikling av bokhandlar i distrikta.",
        "who_may_apply": "Bokhandlar i distrikta.",
        "max_amount": 50_000,
        "min_amount": None,
        "max_cost_share": 100,
        "is_yearly": False,
        "required_attachments": "Prosjektplan med kostnadsoverslag.",
        "rules": [],
    },
]


def load_schemes(apps, schema_editor):
    SupportScheme = apps.get_model("merkur", "SupportScheme")
    SchemeRule = apps.get_model("merkur", "SchemeRule")
    created = {}
    for position, data in enumerate(SCHEMES):
        fields = {key: value for key, value in data.items() if key not in ("slug", "rules")}
        scheme, is_new = SupportScheme.objects.get_or_create(
            slug=data["slug"], defaults={**fields, "sort_order": position}
        )
        if is_new:
            created[data["slug"]] = scheme
    by_slug = {scheme.slug: scheme for scheme in SupportScheme.objects.all()}
    for data in SCHEMES:
        scheme = created.get(data["slug"])
        if scheme is None:
            continue
        for order, rule in enumerate(data["rules"]):
            SchemeRule.objects.create(
                scheme=scheme,
                sort_order=order,
                kind=rule["kind"],
                value=rule.get("value"),
                discretion_from=rule.get("discretion_from"),
                share=rule.get("share"),
                allows_no_road_link=rule.get("allows_no_road_link", False),
                other_scheme=by_slug.get(rule.get("other", "")),
                explanation=rule["explanation"],
            )


def remove_schemes(apps, schema_editor):
    SupportScheme = apps.get_model("merkur", "SupportScheme")
    SupportScheme.objects.filter(slug__in=[data["slug"] for data in SCHEMES], applications__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("merkur", "0004_add_schemes_and_applications")]

    operations = [migrations.RunPython(load_schemes, remove_schemes)]
