"""Derived data is computed once per version of its dataset (and language), not per publish."""

from django.core.cache import cache
from django.utils import translation

import pytest

from distrikt.core import derived
from distrikt.core.derived import bump_datasets, dataset_versions, get_or_compute
from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_a_value_is_computed_once_per_dataset_version():
    compute = Counter()
    assert get_or_compute("test-data", "sum", compute) == 1
    assert get_or_compute("test-data", "sum", compute) == 1
    assert compute.calls == 1


def test_an_import_bump_makes_it_recompute():
    compute = Counter()
    get_or_compute("test-data", "sum", compute)
    bump_datasets("test-data")
    assert get_or_compute("test-data", "sum", compute) == 2


def test_a_bump_of_another_dataset_leaves_it_alone():
    compute = Counter()
    get_or_compute("test-data", "sum", compute)
    bump_datasets("other-data")
    assert get_or_compute("test-data", "sum", compute) == 1


def test_publishing_a_page_does_not_make_it_recompute(home_page):
    compute = Counter()
    get_or_compute(("municipalities", "merkur-register"), "sum", compute)
    before = dataset_versions(["municipalities", "merkur-register", "organisation"])
    page = home_page.add_child(instance=StandardPage(title="Nyheit", slug="nyheit"))
    page.lead = "Endra"
    page.save_revision().publish()
    assert dataset_versions(["municipalities", "merkur-register", "organisation"]) == before
    assert get_or_compute(("municipalities", "merkur-register"), "sum", compute) == 1


def test_text_is_kept_per_language():
    def label() -> str:
        return translation.get_language()

    with translation.override("nn"):
        nynorsk = get_or_compute("test-data", "label", label, language=translation.get_language())
    with translation.override("nb"):
        bokmaal = get_or_compute("test-data", "label", label, language=translation.get_language())
    assert (nynorsk, bokmaal) == ("nn", "nb")


def test_a_value_kept_in_the_process_is_served_without_reading_the_shared_cache(monkeypatch):
    compute = Counter()
    first = get_or_compute("test-data", "kept", lambda: [compute()], in_process=True)
    reads = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        if key.startswith(derived.VALUE_PREFIX):
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    again = get_or_compute("test-data", "kept", lambda: [compute()], in_process=True)
    assert again is first and again == [1]
    assert reads == []
    # Without the option every call reads (and unpickles) the shared copy.
    get_or_compute("test-data", "kept", lambda: [compute()])
    assert len(reads) == 1


def test_a_bump_is_seen_at_once_by_a_value_kept_in_the_process():
    compute = Counter()
    assert get_or_compute("test-data", "kept", compute, in_process=True) == 1
    bump_datasets("test-data")
    assert get_or_compute("test-data", "kept", compute, in_process=True) == 2
    assert get_or_compute("test-data", "kept", compute, in_process=True) == 2
    bump_datasets("other-data")
    assert get_or_compute("test-data", "kept", compute, in_process=True) == 2


def test_the_process_keeps_a_bounded_number_of_values(monkeypatch):
    monkeypatch.setattr(derived, "PROCESS_ENTRIES", 3)
    for number in range(10):
        get_or_compute("test-data", f"kept-{number}", lambda number=number: number, in_process=True)
    assert len(derived._process_values) <= 3


class VersionReads:
    """Counts the shared cache's reads of dataset version tokens."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        original = cache.get_many

        def get_many(keys, *args, **kwargs):
            if any(str(key).startswith(derived.VERSION_PREFIX) for key in keys):
                self.calls += 1
            return original(keys, *args, **kwargs)

        monkeypatch.setattr(cache, "get_many", get_many)


def test_a_request_reads_the_version_tokens_once(monkeypatch):
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    get_or_compute("menu-data", "a", Counter())
    get_or_compute("shop-data", "b", Counter())
    request_finished.send(sender=None)
    reads = VersionReads(monkeypatch)
    request_started.send(sender=None)
    try:
        get_or_compute("menu-data", "a", Counter())
        get_or_compute("shop-data", "b", Counter())
        get_or_compute(("menu-data", "shop-data"), "c", Counter())
    finally:
        request_finished.send(sender=None)
    assert reads.calls == 1


def test_a_bump_during_a_request_is_seen_by_the_rest_of_it():
    from django.core.signals import request_finished, request_started

    compute = Counter()
    request_started.send(sender=None)
    try:
        assert get_or_compute("shop-data", "sum", compute) == 1
        bump_datasets("shop-data")
        assert get_or_compute("shop-data", "sum", compute) == 2
    finally:
        request_finished.send(sender=None)


def test_the_next_request_sees_a_bump_made_by_another_process():
    from django.core.signals import request_finished, request_started

    compute = Counter()
    request_started.send(sender=None)
    get_or_compute("shop-data", "sum", compute)
    request_finished.send(sender=None)
    # Another process bumps: only the shared cache changes.
    cache.set(derived.VERSION_PREFIX + "shop-data", 12345, None)
    request_started.send(sender=None)
    try:
        assert get_or_compute("shop-data", "sum", compute) == 2
    finally:
        request_finished.send(sender=None)
