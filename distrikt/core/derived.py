"""Derived data (indices, statistics, facet counts, accessibility) cached by the data version.

Every dataset (`municipalities`, `merkur-register`, `knowledge-bank`, …) has a version
token in the shared cache. A computed value is stored under the versions of the datasets it
was computed from, so it stays valid until an import, a recomputation or a change of one of
those datasets bumps a version; publishing an unrelated page leaves it alone. Bumping a
dataset also purges the cached pages that show it (tag `dataset:<name>`).

    labels = get_or_compute("municipalities", "index-status", build_status)
    figures = get_or_compute("municipalities", "feature-table", build_table, language_neutral=True)

A value is stored per interface language unless the caller declares it language-neutral
(numbers, codes, proper names only): a value holding translated text can then never be
served in another language, even when its author forgets to think about it.

A value read on most requests (the menu, the county and national figures) can also be kept
in the process (`in_process=True`), so a request costs one read of the version tokens
rather than a read and an unpickling of the value. The process copy is keyed by the same
versions, so a bump is seen at once; it is one object shared by every request and thread,
so only a caller that never changes what it gets back may ask for it.
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from .cache import dataset_tag, new_token, purge_tags

VERSION_PREFIX = "derived:version:"
VALUE_PREFIX = "derived:value:"

T = TypeVar("T")
_MISSING = object()
# The process copies (`in_process=True`): at most this many, each for at most this long.
PROCESS_ENTRIES = 256
PROCESS_SECONDS = 300
_process_values: dict[str, tuple[float, object]] = {}


def dataset_versions(datasets: Iterable[str]) -> dict[str, int]:
    keys = [VERSION_PREFIX + name for name in datasets]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            token = new_token()
            found[key] = token if cache.add(key, token, None) else cache.get(key)
    return {key[len(VERSION_PREFIX) :]: found[key] for key in keys}


def bump_datasets(*datasets: str) -> None:
    """The data behind these datasets changed: recompute what came from them, purge pages showing them."""
    if not datasets:
        return
    _new_versions(datasets)
    if transaction.get_connection().in_atomic_block:
        # Again after commit: a value computed from the old rows meanwhile must not survive.
        transaction.on_commit(lambda: _new_versions(datasets))
    purge_tags(dataset_tag(name) for name in datasets)


def _new_versions(datasets: Iterable[str]) -> None:
    cache.set_many({VERSION_PREFIX + name: new_token() for name in datasets}, None)


def get_or_compute(
    dataset: str | tuple[str, ...],
    key: str,
    compute: Callable[[], T],
    *,
    language: str | None = None,
    language_neutral: bool = False,
    timeout: int | None = None,
    in_process: bool = False,
) -> T:
    """The value of `compute()` for the current version of `dataset`, in the active language.

    `language` overrides the active language; `language_neutral=True` shares one value
    between languages and is only for values without translated text. `in_process=True`
    also keeps the value in this process (see the module's docstring): only for callers
    that never change the value they get.
    """
    datasets = (dataset,) if isinstance(dataset, str) else dataset
    versions = dataset_versions(datasets)
    language = "-" if language_neutral else language or get_language() or settings.LANGUAGE_CODE
    raw = repr((sorted(versions.items()), language, key))
    cache_key = VALUE_PREFIX + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
    if in_process:
        kept = _process_values.get(cache_key)
        if kept is not None and kept[0] > time.monotonic():
            return kept[1]  # type: ignore[return-value]
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value, timeout or settings.DERIVED_CACHE_SECONDS)
    if in_process:
        _keep_in_process(cache_key, value, min(timeout or PROCESS_SECONDS, PROCESS_SECONDS))
    return value  # type: ignore[return-value]


def _keep_in_process(cache_key: str, value: object, seconds: int) -> None:
    while len(_process_values) >= PROCESS_ENTRIES:
        try:  # the oldest first; another thread may have taken it meanwhile
            del _process_values[next(iter(_process_values))]
        except (KeyError, RuntimeError, StopIteration):
            break
    _process_values[cache_key] = (time.monotonic() + seconds, value)
