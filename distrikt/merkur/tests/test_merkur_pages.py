"""The Merkur section page, the bundled loaders and the public register pages."""

from django.core.management import call_command

import pytest

from distrikt.core.models import HomePage, StandardPage
from distrikt.merkur import grant_statistics
from distrikt.merkur.factories import (
    ChainFactory,
    ExtraServiceFactory,
    ShopFactory,
    ShopServiceFactory,
)
from distrikt.merkur.models import (
    ADVISOR_GROUP_NAME,
    Application,
    ApplicationStatus,
    Chain,
    ExtraService,
    MerkurIndexPage,
    Shop,
)
from distrikt.municipalities.factories import CountyFactory, MunicipalityFactory
from distrikt.municipalities.profile_sections import sections_for

pytestmark = pytest.mark.django_db


def test_the_merkur_page_lives_under_the_home_page_only():
    assert MerkurIndexPage.parent_page_types == ["core.HomePage"]
    assert MerkurIndexPage.can_create_at(HomePage())
    assert not MerkurIndexPage.can_create_at(StandardPage())
    assert StandardPage in MerkurIndexPage.allowed_subpage_models()


def test_the_loader_creates_the_section_and_catalogues(bundled_site, client):
    page = MerkurIndexPage.objects.get()
    assert page.slug == "merkur"
    assert page.show_in_menus
    assert page.get_parent().specific_class is HomePage
    assert ExtraService.objects.filter(slug="post-i-butikk").exists()
    assert Chain.objects.filter(name="Joker").exists()
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=ADVISOR_GROUP_NAME).exists()
    response = client.get("/merkur/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Slik blir butikken med" in content
    assert client.get("/merkur/tilleggstenester/").status_code == 200


def test_a_second_load_keeps_editors_changes(bundled_site):
    page = MerkurIndexPage.objects.get()
    page.title = "Merkur-programmet"
    page.save_revision().publish()
    service = ExtraService.objects.get(slug="post-i-butikk")
    service.name = "Post i butikken"
    service.save()
    call_command("load_merkur", verbosity=0)
    assert MerkurIndexPage.objects.get().title == "Merkur-programmet"
    assert ExtraService.objects.get(slug="post-i-butikk").name == "Post i butikken"
    assert MerkurIndexPage.objects.count() == 1  # the knowledge theme page "merkur" is another page


def test_demo_shops_are_marked_as_demo_and_load_once(bundled_site):
    call_command("load_merkur_demo", verbosity=0)
    count = Shop.objects.count()
    assert count > 20
    assert all(shop.is_demo and "(demo)" in shop.name for shop in Shop.objects.all())
    assert all(shop.organisation_number.startswith("1") for shop in Shop.objects.all())
    call_command("load_merkur_demo", verbosity=0)
    assert Shop.objects.count() == count


def test_demo_applications_are_marked_as_demo_and_load_once(bundled_site):
    call_command("load_merkur_demo", verbosity=0)
    applications = Application.objects.all()
    assert applications.count() == 8
    assert all(application.is_demo and application.shop.is_demo for application in applications)
    assert all(application.project_description.startswith("Demo:") for application in applications)
    assert all(application.events.exists() for application in applications)
    call_command("load_merkur_demo", verbosity=0)
    assert Application.objects.count() == 8


@pytest.fixture
def listed_shops():
    north = CountyFactory(code="93", name="Listefylke")
    south = CountyFactory(code="94", name="Andrefylke")
    joker = ChainFactory(name="Joker", slug="joker")
    coop = ChainFactory(name="Coop Marked", slug="coop-marked")
    post = ExtraServiceFactory(slug="post", name="Post i butikk")
    a = ShopFactory(name="Aust (demo)", chain=joker, municipality=MunicipalityFactory(county=north))
    b = ShopFactory(name="Berg (demo)", chain=coop, municipality=MunicipalityFactory(county=north))
    c = ShopFactory(
        name="Cirkel (demo)",
        chain=joker,
        municipality=MunicipalityFactory(county=south),
    )
    ShopServiceFactory(shop=b, service=post)
    return {"a": a, "b": b, "c": c}


def names(response) -> list[str]:
    return [shop.name for shop in response.context["page_obj"]]


def test_the_list_filters_by_county_chain_and_service(client, listed_shops):
    assert names(client.get("/merkur-register/?county=93")) == [
        "Aust (demo)",
        "Berg (demo)",
    ]
    assert names(client.get("/merkur-register/?chain=joker")) == [
        "Aust (demo)",
        "Cirkel (demo)",
    ]
    assert names(client.get("/merkur-register/?service=post")) == ["Berg (demo)"]
    assert names(client.get("/merkur-register/?county=93&chain=joker")) == ["Aust (demo)"]


def test_the_list_sorts(client, listed_shops):
    assert names(client.get("/merkur-register/?sort=-name")) == [
        "Cirkel (demo)",
        "Berg (demo)",
        "Aust (demo)",
    ]


def test_an_unknown_filter_value_shows_a_form_error(client, listed_shops):
    response = client.get("/merkur-register/?chain=finst-ikkje")
    assert response.status_code == 200
    assert response.context["form"].errors


def test_the_map_draws_the_filtered_shops_with_a_table(client, listed_shops):
    response = client.get("/merkur-register/kart/?chain=joker")
    assert response.status_code == 200
    assert len(response.context["map"].points) == 2
    content = response.content.decode()
    assert content.count("<circle") == 2
    assert "<caption>" in content


def test_filtered_shop_lists_and_maps_are_not_indexed(client, listed_shops):
    noindex = '<meta name="robots" content="noindex">'
    for path in ("/merkur-register/", "/merkur-register/kart/"):
        assert noindex not in client.get(path).content.decode()
        assert noindex in client.get(path + "?chain=joker").content.decode()


def test_the_api_lists_shops_with_the_same_filters(client, listed_shops):
    data = client.get("/api/v1/merkur/shops?chain=joker").json()
    assert data["count"] == 2
    assert [shop["name"] for shop in data["results"]] == [
        "Aust (demo)",
        "Cirkel (demo)",
    ]
    assert client.get("/api/v1/merkur/shops?chain=finst-ikkje").status_code == 404
    points = client.get("/api/v1/merkur/map?county=94").json()
    assert [point["name"] for point in points] == ["Cirkel (demo)"]
    detail = client.get(f"/api/v1/merkur/shops/{listed_shops['b'].pk}").json()
    assert detail["services"] == ["Post i butikk"]


def test_the_shop_page_renders_for_everyone(client, listed_shops):
    response = client.get(f"/merkur-register/butikk/{listed_shops['a'].pk}/")
    assert response.status_code == 200
    assert "Aust (demo)" in response.content.decode()


def test_the_municipality_profile_gets_a_merkur_section(listed_shops):
    municipality = listed_shops["a"].municipality
    titles = [str(section.title) for section in sections_for(municipality)]
    assert "Merkur-butikkar i kommunen" in titles
    empty = MunicipalityFactory()
    assert "Merkur-butikkar i kommunen" not in [str(section.title) for section in sections_for(empty)]


def test_the_shop_form_rejects_a_closed_shop_without_date_and_keeps_input(client, advisor, listed_shops):
    shop = listed_shops["a"]
    client.force_login(advisor)
    response = client.post(
        f"/merkur-register/butikk/{shop.pk}/endre/",
        {
            "name": "Nytt namn (demo)",
            "organisation_number": "974760672",
            "municipality": shop.municipality.pk,
            "status": "closed",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "kontrollsifferet" in content
    assert "Skriv inn datoen butikken vart lagd ned." in content
    assert 'value="Nytt namn (demo)"' in content
    shop.refresh_from_db()
    assert shop.name == "Aust (demo)"


def test_an_advisor_creates_a_shop(client, advisor):
    municipality = MunicipalityFactory()
    client.force_login(advisor)
    response = client.post(
        "/merkur-register/ny/",
        {
            "name": "Ny butikk (demo)",
            "organisation_number": "974 760 673",
            "municipality": municipality.pk,
            "status": "active",
            "latitude": "63.4",
            "longitude": "10.4",
        },
    )
    assert response.status_code == 302
    assert Shop.objects.get().organisation_number == "974760673"


def test_cached_public_pages_show_a_changed_shop_at_once(client, listed_shops):
    assert "Aust (demo)" in client.get("/merkur-register/").content.decode()
    shop = listed_shops["a"]
    shop.name = "Austre (demo)"
    shop.save()
    assert "Austre (demo)" in client.get("/merkur-register/").content.decode()


def test_the_profile_section_template_lists_shops_and_the_far_share(listed_shops):
    from django.template.loader import render_to_string

    from distrikt.merkur.models import MunicipalityAccessibility

    municipality = listed_shops["a"].municipality
    MunicipalityAccessibility.objects.create(
        municipality=municipality, population=200, population_over_10km=50
    )
    section = next(
        section for section in sections_for(municipality) if section.template == "merkur/profile_section.html"
    )
    html = render_to_string(section.template, {"section": section, "municipality": municipality})
    assert "Aust (demo)" in html
    assert "25.0 %" in html or "25,0 %" in html


def test_the_merkur_page_names_its_target_group_for_the_events_block(bundled_site, client):
    response = client.get("/merkur/")
    assert response.context["target_group"].slug == "kjopmenn"
    assert response.context["knowledge_area"].slug == "merkur"
    assert "Kjøpmenn" in response.content.decode()


def test_merkur_page_shows_upcoming_courses_for_merchants(client, demo_site):
    from distrikt.events.models import EventPage

    merkur_course = EventPage.objects.live().filter(target_groups__slug="kjopmenn").first()
    assert merkur_course is not None, "the demo events include a Merkur course for merchants"
    body = client.get(MerkurIndexPage.objects.get().url).content.decode()
    assert "Kurs og samlingar for kjøpmenn" in body
    assert merkur_course.title in body


def test_demo_cases_include_decided_grants_taken_through_the_workflow(bundled_site):
    call_command("load_merkur_demo", verbosity=0)
    decided = Application.objects.filter(decisions__isnull=False).distinct()
    assert decided.count() == 4
    assert all(application.is_demo and application.shop.is_demo for application in decided)
    statuses = sorted(decided.values_list("status", "granted_amount", "paid_amount"))
    assert statuses == sorted(
        [
            (ApplicationStatus.GRANTED, 300_000, 0),
            (ApplicationStatus.REFUSED, None, 0),
            (ApplicationStatus.PARTIALLY_PAID, 150_000, 60_000),
            (ApplicationStatus.PAID, 90_000, 90_000),
        ]
    )
    for application in decided:
        # Every step is in the audit log, from the draft to the decision (and the payment).
        path = list(application.events.order_by("at", "pk").values_list("to_status", flat=True))
        assert path[:3] == [
            ApplicationStatus.DRAFT,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_ASSESSMENT,
        ]
        assert path[-1] == application.status
        decision = application.decisions.get()
        assert decision.justification.startswith("Demo:")
        assert decision.decided_by.username == "demo-radgivar"
        assert not decision.decided_by.has_usable_password()
    # The public dashboard counts the demo grants, with the demo label.
    assert grant_statistics.by_year(is_full=False)[-1].granted_sum == 540_000
    total = Application.objects.count()
    call_command("load_merkur_demo", verbosity=0)
    assert Application.objects.count() == total
    assert Application.objects.filter(decisions__isnull=False).distinct().count() == 4
