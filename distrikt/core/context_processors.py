"""What the base template needs on every page: languages and the switch's target URLs."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from .navigation import build_main_navigation


def site_chrome(request: HttpRequest) -> dict:
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    switch = []
    for code, name in settings.LANGUAGES:
        target = _language_url(path, code)
        switch.append({"code": code, "name": name, "url": target, "is_current": code == current})
    return {
        "language_switch": switch,
        "current_language": current,
        "main_navigation": build_main_navigation(request),
    }


def _language_url(path: str, code: str) -> str:
    """The same page in another interface language (URL prefix; Nynorsk has none)."""
    translated = translate_url(path, code)
    if translated != path or code == get_language():
        return translated
    # Wagtail's catch-all pattern is not translated by translate_url for missing paths.
    stripped = path
    for other, _name in settings.LANGUAGES:
        prefix = f"/{other}/"
        if path.startswith(prefix):
            stripped = "/" + path[len(prefix) :]
            break
    if code == settings.LANGUAGE_CODE:
        return stripped
    return f"/{code}{stripped}"
