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

Within one request the version tokens are read once: the first read fetches the tokens of
every dataset this process has been asked about so far in one `get_many`, and later reads
in the same request use them (a bump in the request updates them). A page that shows the
menu, the footer and two datasets thus costs one round trip to the shared cache for its
versions rather than four. Outside requests (tasks, commands) every read goes to the cache.
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
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
# The version tokens read in the current request (None outside a request), and the names of
# the datasets this process has read, fetched together at a request's first read.
_request_versions: ContextVar[dict[str, int] | None] = ContextVar("derived_request_versions", default=None)
_known_datasets: set[str] = set()
KNOWN_DATASETS_LIMIT = 200


def _start_request(**kwargs) -> None:
    _request_versions.set({})


def _finish_request(**kwargs) -> None:
    _request_versions.set(None)


request_started.connect(_start_request, dispatch_uid="derived-versions-start")
request_finished.connect(_finish_request, dispatch_uid="derived-versions-finish")


def dataset_versions(datasets: Iterable[str]) -> dict[str, int]:
    names = tuple(datasets)
    memo = _request_versions.get()
    if memo is None:
        return _read_versions(names)
    missing = [name for name in names if name not in memo]
    if missing:
        if len(_known_datasets) < KNOWN_DATASETS_LIMIT:
            _known_datasets.update(missing)
        memo.update(_read_versions({*missing, *(name for name in _known_datasets if name not in memo)}))
    return {name: memo[name] for name in names}


def _read_versions(names: Iterable[str]) -> dict[str, int]:
    keys = [VERSION_PREFIX + name for name in names]
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
    tokens = {name: new_token() for name in datasets}
    cache.set_many({VERSION_PREFIX + name: token for name, token in tokens.items()}, None)
    memo = _request_versions.get()
    if memo is not None:
        memo.update(tokens)


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
