"""Two response schemas with one name share one OpenAPI component.

django-ninja names each component after the schema class, so a second class
called ``FacetOut`` silently replaces the first one in ``openapi.json`` and the
published contract no longer matches what one of the endpoints returns.
"""

from collections import defaultdict

from ninja import Schema

import distrikt.urls  # noqa: F401  (mounts every router on the API)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_api_schema_class_name_is_unique():
    modules_by_name = defaultdict(set)
    for cls in _subclasses(Schema):
        if cls.__module__.startswith("distrikt."):
            modules_by_name[cls.__name__].add(cls.__module__)
    clashes = {name: sorted(mods) for name, mods in modules_by_name.items() if len(mods) > 1}
    assert clashes == {}
