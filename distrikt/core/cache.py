"""The one page cache for anonymous readers, with tag-based purging.

`PageCacheMiddleware` sits first in MIDDLEWARE. A hit is served from an in-process LRU
(bounded by entries and bytes) after one cheap cross-process check of the *purge signal*:
a token in a small memory-mapped file next to the SQLite database (the default install)
or a key in Redis (`REDIS_URL`). No session, URL resolution, template or database is
touched on a hit. The shared cache (Redis, or the database cache table) holds the same
entries for other processes and the tag tokens; a new entry is written there after the
response has been sent.

Key: scheme, host (only hosts in ALLOWED_HOSTS), path, language and the query string
narrowed to the parameters the page declares (`cache_query_params` on a page class,
`query_params=` on `@page_cache`); the view only ever sees those parameters, so a flood
of made-up parameters maps onto one entry.

Each stored response carries tags (`page:<id>`, `tree:<path>`, `dataset:<name>`, what the
page type declares, and `navigation` for the menu and footer every HTML page shows) with
the token each tag had when it was stored. `purge_tags()` gives the tags new random tokens
and then changes the purge signal; a process that sees a new signal re-checks the tokens of
the entries it serves (one `get_many`) and drops those whose tokens changed. The model-side
declarations of what a change purges are in `distrikt.core.signals`.

A page with a form can be kept too: its template writes the CSRF field with `{% csrf_input %}`
(core_tags), an uncached fragment that gets each visitor's own token (and cookie) on every hit.
Such a response is stored only when no token shows outside that fragment, and it always tells
browsers and proxies not to keep it.

A view can also ask for work to be done on every request for its page, cached or not
(`on_every_hit`: the search page counts its query), with a small picklable payload kept in
the entry; the work must be cheap, as it runs on the hit path. Such a page tells browsers and
proxies to ask every time (`no-cache`), so no request for it bypasses the work.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware import csrf as django_csrf
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

SIGNAL_KEY = "pc:signal"
TAG_PREFIX = "pc:tag:"
ENTRY_PREFIX = "pc:entry:"
NAVIGATION_TAG = "navigation"
BROWSER_MAX_AGE = 60
MAX_QUERY_STRING = 1024
# Cookies that mean the visitor may see something personal (a session, pending messages).
PERSONAL_COOKIES = ("messages",)
_LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2})/")


def dataset_tag(dataset: str) -> str:
    """The tag of cached pages that show a dataset (see `distrikt.core.derived`)."""
    return f"dataset:{dataset}"


def page_tag(page_id: int | str) -> str:
    """The tag of a page's own cached responses (its URL and its routes)."""
    return f"page:{page_id}"


def tree_tag(path: str) -> str:
    """The tag of every page at or below a tree position (their breadcrumbs and URLs show it)."""
    return f"tree:{path}"


def new_token() -> int:
    """A random 62-bit token; random rather than counted, so an evicted key can never repeat one."""
    return secrets.randbits(62) + 1


# --------------------------------------------------------------------------- the purge signal


class FileSignal:
    """A token in a memory-mapped file: processes on one machine see a change at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map: mmap.mmap | None = None
        self._lock = threading.Lock()

    def _mapped(self) -> mmap.mmap:
        if self._map is None:
            with self._lock:
                if self._map is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                    try:
                        if os.fstat(descriptor).st_size < 8:
                            os.pwrite(descriptor, new_token().to_bytes(8, "little"), 0)
                        self._map = mmap.mmap(descriptor, 8)
                    finally:
                        os.close(descriptor)
        return self._map

    def read(self) -> bytes:
        return self._mapped()[:8]

    def bump(self) -> None:
        self._mapped()[:8] = new_token().to_bytes(8, "little")


class CacheSignal:
    """A token in the shared cache: every process on every machine reads the same key."""

    def read(self) -> Any:
        value = cache.get(SIGNAL_KEY)
        if value is None:
            cache.add(SIGNAL_KEY, new_token(), None)
            value = cache.get(SIGNAL_KEY)
        return value

    def bump(self) -> None:
        cache.set(SIGNAL_KEY, new_token(), None)


class RedisSignal:
    """The token in Redis, followed through a subscription: no round trip per request.

    A purge SETs the key and PUBLISHes the new token. Each process subscribes once (after
    fork) and, on every read, drains its subscription socket without blocking (a system
    call, no round trip): a message published before a request arrives is in the socket
    buffer by then, so a change is seen at once. Every `RECHECK_SECONDS` the key itself is
    read too, in case the subscription broke silently.
    """

    RECHECK_SECONDS = 1.0

    def __init__(self) -> None:
        self._key = cache.make_and_validate_key(SIGNAL_KEY)
        self._lock = threading.Lock()
        self._pid = 0
        self._pubsub: Any = None
        self._value: Any = None
        self._fetched_at = 0.0

    def _client(self) -> Any:
        return cache._cache.get_client(self._key, write=True)  # type: ignore[attr-defined]

    def _fetch(self) -> Any:
        client = self._client()
        value = client.get(self._key)
        if value is None:
            client.set(self._key, str(new_token()).encode(), nx=True)
            value = client.get(self._key)
        self._fetched_at = time.monotonic()
        return value

    def _subscribe(self) -> None:
        pubsub = self._client().pubsub()
        pubsub.subscribe(self._key)
        # Wait for the confirmation, so no purge after this point can be missed.
        confirmation = pubsub.get_message(timeout=5.0)
        if confirmation is None or confirmation["type"] != "subscribe":
            raise ConnectionError("no subscription confirmation from Redis")
        self._pubsub = pubsub
        self._pid = os.getpid()
        self._value = self._fetch()

    def read(self) -> Any:
        with self._lock:
            try:
                if self._pubsub is None or self._pid != os.getpid():
                    self._subscribe()
                while (message := self._pubsub.get_message(timeout=0.0)) is not None:
                    if message["type"] == "message":
                        self._value = message["data"]
                if time.monotonic() - self._fetched_at > self.RECHECK_SECONDS:
                    self._value = self._fetch()
                return self._value
            except Exception:  # noqa: BLE001 - any failure of the subscription: read the key
                self._pubsub = None
                return self._fetch()

    def bump(self) -> None:
        token = str(new_token()).encode()
        client = self._client()
        client.set(self._key, token)
        client.publish(self._key, token)


def build_signal() -> FileSignal | CacheSignal | RedisSignal:
    choice = getattr(settings, "PAGE_CACHE_SIGNAL", "auto")
    backend = settings.CACHES["default"]["BACKEND"]
    is_redis = backend.endswith("RedisCache")
    if choice == "auto":
        is_sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        # One machine (SQLite, no shared cache service): a file is enough and costs no round trip.
        choice = "file" if is_sqlite and not is_redis else "cache"
    if choice == "file":
        return FileSignal(Path(settings.PAGE_CACHE_SIGNAL_FILE))
    return RedisSignal() if is_redis else CacheSignal()


# --------------------------------------------------------------------------- entries


@dataclass(slots=True)
class Entry:
    """A stored response: status, every header, body, and the tag tokens it was stored with."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    tags: tuple[str, ...]
    tokens: tuple[Any, ...]
    expires: float
    language: str
    has_fragments: bool = False
    # (hook name, payload) pairs run on every hit (see `on_every_hit`).
    hooks: tuple[tuple[str, Any], ...] = ()
    # False: only in the shared layer (many entries, each seldom asked for again).
    in_process: bool = True

    @property
    def size(self) -> int:
        return len(self.body) + 64 * len(self.headers) + 200

    def response(self, request: HttpRequest) -> HttpResponse:
        body = self.body
        if self.has_fragments:
            body = fill_fragments(body, request, self.language)
        response = HttpResponse(body, status=self.status)
        headers = response.headers
        for name, value in self.headers:
            headers[name] = value
        return response


class LocalStore:
    """A thread-safe LRU bounded by entries and bytes; each entry remembers the signal it was checked at."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[str, tuple[Entry, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[Entry, Any] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, entry: Entry, signal: Any) -> None:
        if entry.size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[0].size
            self._items[key] = (entry, signal)
            self.bytes += entry.size
            while self._items and (len(self._items) > self.max_entries or self.bytes > self.max_bytes):
                _key, (dropped, _signal) = self._items.popitem(last=False)
                self.bytes -= dropped.size

    def discard(self, key: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[0].size

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)


# --------------------------------------------------------------------------- options and keys


@dataclass
class PageCacheOptions:
    """What a page or view declares: tags its response carries, query parameters it reads, lifetime."""

    tags: set[str] = field(default_factory=set)
    query_params: frozenset[str] = frozenset()
    timeout: int | None = None
    hooks: list[tuple[str, Any]] = field(default_factory=list)
    in_process: bool = True


OPTIONS_ATTRIBUTE = "_distrikt_page_cache"


def normalised_query(query_string: str, allowed: Iterable[str] | None) -> str:
    """The query string sorted, with parameters not in `allowed` (when given) dropped."""
    if not query_string:
        return ""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if allowed is not None:
        allowed = set(allowed)
        pairs = [(name, value) for name, value in pairs if name in allowed]
    return urlencode(sorted(pairs))


class PageCache:
    """The in-process layer, the shared layer and the purge signal, as one object per process."""

    def __init__(self) -> None:
        self.local = LocalStore(settings.PAGE_CACHE_LOCAL_ENTRIES, settings.PAGE_CACHE_LOCAL_BYTES)
        self.signal = build_signal()
        # Which query parameters a path reads, learnt when its response is stored.
        self.query_hints: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()
        self._hosts: dict[str, str | None] = {}
        self._languages = frozenset(code for code, _name in settings.LANGUAGES)

    # -- keys

    def host(self, request: HttpRequest) -> str | None:
        """The request's host if ALLOWED_HOSTS names it; never cache for another Host header."""
        raw = request.META.get("HTTP_HOST", "")
        known = self._hosts.get(raw, False)
        if known is not False:
            return known  # type: ignore[return-value]
        try:
            host: str | None = request.get_host()
        except DisallowedHost:
            host = None
        if len(self._hosts) < 64:
            self._hosts[raw] = host
        return host

    def language(self, request: HttpRequest) -> str:
        match = _LANGUAGE_PREFIX.match(request.path)
        if match and match.group(1) in self._languages:
            return match.group(1)
        if "HTTP_COOKIE" not in request.META and "HTTP_ACCEPT_LANGUAGE" not in request.META:
            return settings.LANGUAGE_CODE
        return translation.get_language_from_request(request) or settings.LANGUAGE_CODE

    def key(
        self, request: HttpRequest, allowed: Iterable[str] | None = None, *, learnt: bool = True
    ) -> str | None:
        host = self.host(request)
        if host is None:
            return None
        query_string = request.META.get("QUERY_STRING", "")
        if len(query_string) > MAX_QUERY_STRING:
            return None
        if allowed is None and learnt and query_string:
            allowed = self.query_hints.get((host, request.path))
        query = normalised_query(query_string, allowed)
        raw = f"{request.scheme}://{host}{request.path}?{query}#{self.language(request)}"
        return ENTRY_PREFIX + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()

    # -- tokens

    def tokens(self, tags: Iterable[str]) -> dict[str, Any]:
        keys = [TAG_PREFIX + tag for tag in tags]
        found = cache.get_many(keys)
        missing = {key: new_token() for key in keys if key not in found}
        for key, token in missing.items():
            if not cache.add(key, token, None):
                token = cache.get(key)
            found[key] = token
        return {key[len(TAG_PREFIX) :]: found[key] for key in keys}

    def is_current(self, entry: Entry) -> bool:
        if entry.expires < time.time():
            return False
        tokens = self.tokens(entry.tags)
        return all(tokens[tag] == token for tag, token in zip(entry.tags, entry.tokens, strict=True))

    # -- lookup and store

    def lookup(self, key: str, signal: Any) -> Entry | None:
        item = self.local.get(key)
        if item is not None:
            entry, checked_at = item
            if checked_at == signal and entry.expires >= time.time():
                return entry
            if self.is_current(entry):
                self.local.put(key, entry, signal)
                return entry
            self.local.discard(key)
        entry = cache.get(key)
        if entry is None or not isinstance(entry, Entry):
            return None
        if not self.is_current(entry):
            return None
        if getattr(entry, "in_process", True):
            self.local.put(key, entry, signal)
        return entry

    def store(
        self, request: HttpRequest, response: HttpResponse, options: PageCacheOptions, signal: Any
    ) -> None:
        host = self.host(request)
        key = self.key(request, options.query_params, learnt=False)
        if host is None or key is None:
            return
        # A purge during rendering may have come too late for what we read: do not keep it.
        if self.signal.read() != signal:
            return
        self.query_hints[(host, request.path)] = options.query_params
        while len(self.query_hints) > 10_000:
            self.query_hints.popitem(last=False)
        timeout = options.timeout or settings.PAGE_CACHE_SECONDS
        tags = tuple(sorted(options.tags | {NAVIGATION_TAG}))
        tokens = self.tokens(tags)
        body = response.content
        entry = Entry(
            status=response.status_code,
            headers=list(response.items()),
            body=body,
            tags=tags,
            tokens=tuple(tokens[tag] for tag in tags),
            expires=time.time() + timeout,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            has_fragments=FRAGMENT_START.encode() in body,
            hooks=tuple(options.hooks),
            in_process=options.in_process,
        )
        if options.in_process:
            self.local.put(key, entry, signal)
        deferred = _deferred_writes.get()
        if deferred is None:
            cache.set(key, entry, timeout)
        else:
            deferred.append((key, entry, timeout))

    def purge(self, tags: Iterable[str]) -> None:
        tags = set(tags)
        if not tags:
            return
        cache.set_many({TAG_PREFIX + tag: new_token() for tag in tags}, None)
        # Tokens first, then the signal: a reader that sees the new signal finds the new tokens.
        self.signal.bump()


# Writes to the shared layer wait until the response has gone to the visitor (request_finished
# comes when the server closes the response), so a page that was not cached is not held back by
# the write (on SQLite, by the database's write lock). Outside a request they happen at once.
_deferred_writes: ContextVar[list[tuple[str, Entry, int]] | None] = ContextVar(
    "page_cache_deferred_writes", default=None
)


def _start_request(**kwargs) -> None:
    _deferred_writes.set([])


def _finish_request(**kwargs) -> None:
    writes = _deferred_writes.get()
    _deferred_writes.set(None)
    for key, entry, timeout in writes or ():
        try:
            cache.set(key, entry, timeout)
        except Exception:  # the visitor has the page; another process will render it again
            logger.exception("Could not store a page in the shared cache")


request_started.connect(_start_request, dispatch_uid="page-cache-deferred-start")
request_finished.connect(_finish_request, dispatch_uid="page-cache-deferred-finish")


_page_cache: PageCache | None = None
_page_cache_lock = threading.Lock()


def page_cache_instance() -> PageCache:
    global _page_cache
    if _page_cache is None:
        with _page_cache_lock:
            if _page_cache is None:
                _page_cache = PageCache()
    return _page_cache


def reset_page_cache() -> None:
    """Forget this process's layer (tests, and after settings change)."""
    global _page_cache
    _page_cache = None


def purge_tags(tags: Iterable[str]) -> None:
    """Make every stored response with one of these tags stale, here and in every process.

    Purges at once and again when the surrounding transaction commits, so a page rendered
    from the old rows while the transaction ran is not kept.
    """
    tags = set(tags)
    if not tags:
        return
    page_cache_instance().purge(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: page_cache_instance().purge(tags))


def purge_all() -> None:
    """Every stored page is stale (the menu or footer changed, or a model declares nothing)."""
    purge_tags([NAVIGATION_TAG])


# --------------------------------------------------------------------------- uncached fragments

FRAGMENT_START = "<!--uncached:"
_FRAGMENT_PATTERN = re.compile(rb"<!--uncached:([a-z0-9_.-]+):([0-9]+)-->.*?<!--/uncached-->", re.DOTALL)
_fragment_renderers: dict[str, Callable[[HttpRequest, int], str]] = {}


def register_fragment(name: str, renderer: Callable[[HttpRequest, int], str]) -> None:
    """A small piece of a cached page rendered on every request (e.g. an event's seats left)."""
    _fragment_renderers[name] = renderer


def render_fragment(name: str, request: HttpRequest, object_id: int) -> SafeString:
    html = _fragment_renderers[name](request, object_id)
    return mark_safe(f"{FRAGMENT_START}{name}:{int(object_id)}-->{html}<!--/uncached-->")  # noqa: S308


def fill_fragments(body: bytes, request: HttpRequest, language: str) -> bytes:
    def replace(match: re.Match) -> bytes:
        name = match.group(1).decode()
        renderer = _fragment_renderers.get(name)
        if renderer is None:
            return match.group(0)
        return str(render_fragment(name, request, int(match.group(2)))).encode()

    with translation.override(language):
        return _FRAGMENT_PATTERN.sub(replace, body)


CSRF_FRAGMENT = "csrf"
# Set on a request whose page writes its CSRF field as a fragment (see `csrf_fragment`).
CSRF_ATTRIBUTE = "_distrikt_csrf_fragment"
_MASKED_TOKEN = re.compile(rb"(?<![a-zA-Z0-9])[a-zA-Z0-9]{64}(?![a-zA-Z0-9])")


def csrf_fragment(request: HttpRequest) -> SafeString:
    """The form's hidden CSRF field as an uncached fragment: a cached copy of the page serves each
    visitor a token of their own."""
    setattr(request, CSRF_ATTRIBUTE, True)
    return render_fragment(CSRF_FRAGMENT, request, 0)


def _render_csrf_input(request: HttpRequest, object_id: int) -> str:
    if "CSRF_COOKIE" not in request.META and not getattr(request, "_distrikt_csrf_read", False):
        # Served from the cache before CsrfViewMiddleware ran: read the visitor's cookie as it would,
        # so the token matches the cookie they already have (another open form keeps working).
        _csrf_middleware().process_request(request)
        request._distrikt_csrf_read = True  # type: ignore[attr-defined]
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))


def _csrf_middleware() -> CsrfViewMiddleware:
    return CsrfViewMiddleware(lambda request: HttpResponse())


def _shows_csrf_token_outside_fragments(request: HttpRequest, body: bytes) -> bool:
    """Whether the body holds a token of this visitor's CSRF secret outside the uncached fragments."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return False
    outside = _FRAGMENT_PATTERN.sub(b"", body)
    # The unmasking has no public name in Django (nor in its type stubs).
    unmask = django_csrf._unmask_cipher_token  # type: ignore[attr-defined]
    return any(unmask(match.group().decode()) == secret for match in _MASKED_TOKEN.finditer(outside))


register_fragment(CSRF_FRAGMENT, _render_csrf_input)


# --------------------------------------------------------------------------- work on every hit

_hit_hooks: dict[str, Callable[[HttpRequest, Any], None]] = {}


def register_hit_hook(name: str, hook: Callable[[HttpRequest, Any], None]) -> None:
    """Work a cached page needs on every request (register it in an AppConfig.ready(), so a
    process whose first request is a hit knows it)."""
    _hit_hooks[name] = hook


def on_every_hit(request: HttpRequest, name: str, payload: Any) -> None:
    """Run a registered hook now, and again on every hit of the response stored for this request."""
    _hit_hooks[name](request, payload)
    options = getattr(request, OPTIONS_ATTRIBUTE, None)
    if options is not None:
        options.hooks.append((name, payload))


def _run_hit_hooks(request: HttpRequest, entry: Entry) -> None:
    # Entries stored before hooks existed have no such slot.
    for name, payload in getattr(entry, "hooks", ()):
        hook = _hit_hooks.get(name)
        if hook is not None:
            hook(request, payload)


def limit_cache_lifetime(request: HttpRequest, seconds: int) -> None:
    """Keep this request's stored response at most this many seconds (e.g. until midnight)."""
    options = getattr(request, OPTIONS_ATTRIBUTE, None)
    if options is not None:
        seconds = max(1, int(seconds))
        options.timeout = min(options.timeout or settings.PAGE_CACHE_SECONDS, seconds)


# --------------------------------------------------------------------------- middleware and decorators


def is_anonymous_read(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_COOKIE" not in request.META:
        return True
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(
        name in cookies for name in PERSONAL_COOKIES
    )


def narrow_query(request: HttpRequest, allowed: Iterable[str]) -> None:
    """Let the view see only the query parameters it declared (and so the key it is stored under)."""
    query_string = request.META.get("QUERY_STRING", "")
    if not query_string:
        return
    allowed = set(allowed)
    kept = [
        (name, value) for name, value in parse_qsl(query_string, keep_blank_values=True) if name in allowed
    ]
    narrowed = urlencode(kept)
    if narrowed != query_string:
        request.META["QUERY_STRING"] = narrowed
        request.GET = QueryDict(narrowed)


def mark_cacheable(
    request: HttpRequest,
    tags: Iterable[str] = (),
    query_params: Iterable[str] = (),
    timeout: int | None = None,
    in_process: bool = True,
) -> None:
    """Let the middleware store this response, under these tags, keyed on these query parameters."""
    options = PageCacheOptions(set(tags), frozenset(query_params), timeout, in_process=in_process)
    setattr(request, OPTIONS_ATTRIBUTE, options)
    narrow_query(request, options.query_params)


def add_cache_tags(request: HttpRequest, *tags: str) -> None:
    """Tags a cached response carries because of what it shows (e.g. `dataset:municipalities`)."""
    options = getattr(request, OPTIONS_ATTRIBUTE, None)
    if options is not None:
        options.tags.update(tags)


def page_cache(
    view: Callable[..., HttpResponse] | None = None,
    *,
    datasets: Iterable[str] = (),
    tags: Iterable[str] = (),
    query_params: Iterable[str] = (),
    timeout: int | None = None,
    in_process: bool = True,
) -> Any:
    """Let the page cache keep this view's responses for anonymous readers.

    `query_params` names the parameters the view reads; others are dropped before it runs.
    `datasets` (or raw `tags`) name what the page shows, so a change to it purges the page.
    `in_process=False` keeps the responses in the shared layer only: for views whose pages
    are many and seldom asked for twice (search results), so they cannot push the site's
    pages out of the process's layer.
    """
    tag_list = (*tags, *(dataset_tag(name) for name in datasets))
    param_list = tuple(query_params)

    def decorator(function: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(function)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if is_anonymous_read(request):
                mark_cacheable(request, tag_list, param_list, timeout, in_process)
            return function(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator


class PageCacheMiddleware:
    """Serve stored responses to anonymous readers before anything else runs; store marked ones."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # Static files, media and the admin are never page-cached: skip the lookup.
        self.skipped_prefixes = tuple(
            prefix
            for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/django-admin/")
            if prefix
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_read(request) or request.path.startswith(self.skipped_prefixes):
            return self._keep_private(request, self.get_response(request))
        page_cache = page_cache_instance()
        key = page_cache.key(request)
        if key is None:
            return self._keep_private(request, self.get_response(request))
        signal = page_cache.signal.read()
        entry = page_cache.lookup(key, signal)
        if entry is not None:
            response = entry.response(request)
            _run_hit_hooks(request, entry)
            if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                # The page's CSRF fragment made a new token: set its cookie, as CsrfViewMiddleware would.
                _csrf_middleware().process_response(request, response)
            return response
        response = self.get_response(request)
        options = getattr(request, OPTIONS_ATTRIBUTE, None)
        if options is not None and self._may_store(request, response):
            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.render()
            if getattr(request, CSRF_ATTRIBUTE, False):
                if not _shows_csrf_token_outside_fragments(request, response.content):
                    self._keep_private(request, response)
                    page_cache.store(request, response, options, signal)
            else:
                if options.hooks:
                    # Work runs on every request for this page: browsers and proxies must ask each time.
                    patch_cache_control(response, no_cache=True, max_age=0)
                else:
                    patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
                page_cache.store(request, response, options, signal)
        return self._keep_private(request, response)

    @staticmethod
    def _keep_private(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A page with a CSRF field is never kept by browsers or proxies (the token is one visitor's)."""
        if getattr(request, CSRF_ATTRIBUTE, False):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control_header = response.get("Cache-Control", "")
        # A page that rendered a CSRF token belongs to one visitor, unless the token is only in
        # the CSRF fragment (then the only cookie it may set is the CSRF cookie).
        csrf_in_fragment = getattr(request, CSRF_ATTRIBUTE, False)
        cookies = set(response.cookies) - ({settings.CSRF_COOKIE_NAME} if csrf_in_fragment else set())
        return (
            response.status_code == 200
            and not cookies
            and not response.has_header("Set-Cookie")
            and (csrf_in_fragment or not request.META.get("CSRF_COOKIE_USED"))
            and not (csrf_in_fragment and settings.CSRF_USE_SESSIONS)
            and "private" not in cache_control_header
            and "no-store" not in cache_control_header
            and not getattr(response, "streaming", False)
        )


def cache_control(max_age: int = 60, public: bool = True) -> Callable:
    """Decorate a view so its response says how long browsers and proxies may keep it."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, public=public, max_age=max_age)
            return response

        return wrapped

    return decorator
