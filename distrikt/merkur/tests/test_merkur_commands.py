"""The management commands: benchmark shops, recompute, and the admin's register views."""

from django.core.management import call_command

import pytest

from distrikt.merkur.models import AccessibilityRun, Shop, ShopAccessibility

pytestmark = pytest.mark.django_db


def test_benchmark_shops_are_demo_and_inside_real_municipalities(bundled_site):
    call_command("generate_merkur_bench_shops", count=30, verbosity=0)
    shops = list(Shop.objects.select_related("municipality"))
    assert len(shops) == 30
    assert all(shop.is_demo and shop.name.endswith("(demo)") for shop in shops)
    assert all(len(shop.municipality.code) == 4 for shop in shops)
    assert all(57 < shop.latitude < 72 and 4 < shop.longitude < 32 for shop in shops)


def test_the_recompute_command_stores_a_run_over_the_real_grid(bundled_site):
    call_command("generate_merkur_bench_shops", count=10, verbosity=0)
    call_command("recompute_merkur_accessibility", verbosity=0)
    run = AccessibilityRun.objects.get()
    assert run.shop_count == 10
    assert run.population == 5_317_737
    total = sum(ShopAccessibility.objects.values_list("nearest_population", flat=True))
    assert total == run.population


def test_the_wagtail_admin_lists_and_adds_shops(editor_client, bundled_site):
    assert editor_client.get("/admin/snippets/merkur/shop/").status_code == 200
    assert editor_client.get("/admin/snippets/merkur/shop/add/").status_code == 200
    assert editor_client.get("/admin/snippets/merkur/extraservice/").status_code == 200
