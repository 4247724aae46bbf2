"""The one way a page type hands a request to a view, without an import circle.

Inside an app, page models are at the bottom: forms, services, feeds and views import them,
never the other way round. A page whose route (or context) needs one of those declares the
route on the page with `@path`, so the URL stays the page's, and calls
`view_for(self, "name")(...)`. The app's `views.py` supplies the function with
`@page_view(PageClass, "name")`, and the app's `AppConfig.ready()` imports `views`.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_views: dict[tuple[type, str], Callable[..., Any]] = {}


def page_view(page_class: type, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the view `name` of `page_class` (and its subclasses)."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        key = (page_class, name)
        if key in _views and _views[key] is not function:
            raise ImproperlyConfigured(f"{page_class.__name__} already has a view called {name!r}.")
        _views[key] = function
        return function

    return register


def view_for(page: object, name: str) -> Callable[..., Any]:
    """The view `name` registered for the page's class or the nearest base class."""
    for page_class in type(page).__mro__:
        function = _views.get((page_class, name))
        if function is not None:
            return function
    raise ImproperlyConfigured(
        f"No view {name!r} for {type(page).__name__}: does the app's ready() import its views module?"
    )
