"""Small helpers for templates: numbers for people, in the conventions of the language.

The filters are the one way templates format a number a person reads (see
`distrikt.core.numbers`): `count` for head counts and other whole numbers, `decimal` for
measured values, `percent_value` for values already in per cent, `share` for fractions.
"""

from django import template
from django.utils.safestring import SafeString

from wagtail.models import Page

from distrikt.core import titles
from distrikt.core.numbers import format_count, format_decimal, format_percent

register = template.Library()


@register.filter
def count(value: object) -> str:
    """A whole number with grouped thousands («728 714»), «–» when missing."""
    return format_count(value)


@register.filter
def thousands(value: object) -> str:
    """A whole number with grouped thousands, blank when missing."""
    return format_count(value, missing="")


@register.filter
def decimal(value: object, places: int = 1) -> str:
    """A number with fixed decimals and grouped thousands («1 234,5»), «–» when missing."""
    return format_decimal(value, int(places))


@register.filter
def percent_value(value: object, places: int = 1) -> str:
    """A value already in per cent: 12.5 → «12,5 %»."""
    return format_percent(value, int(places))


@register.filter
def percent(value: float | None, places: int = 1) -> str:
    """A fraction as per cent: 0.125 → «12,5 %»."""
    if value is None:
        return "–"
    return format_percent(float(value) * 100, int(places))


@register.simple_tag(takes_context=True)
def footer_facts(context):
    """The site settings and page links the footer shows (see core.navigation.footer_facts)."""
    from distrikt.core.navigation import footer_facts as read_footer_facts

    return read_footer_facts(context["request"])


@register.simple_tag(takes_context=True)
def csrf_input(context) -> SafeString:
    """A form's CSRF field that lets the page cache keep the page (see core.cache.csrf_fragment).

    Use it instead of `{% csrf_token %}` in a form on a page anonymous visitors read often.
    """
    from distrikt.core.cache import csrf_fragment

    return csrf_fragment(context["request"])


@register.simple_tag(takes_context=True)
def uncached_fragment(context, name: str, object_id: int) -> str:
    """A piece of a cached page rendered afresh on every request (see core.cache.register_fragment)."""
    from distrikt.core.cache import render_fragment

    return render_fragment(name, context["request"], object_id)


@register.simple_tag
def page_title(page: Page) -> str:
    """The page's part of the document title, in the interface language (see core.titles)."""
    return titles.page_title(page)


@register.filter(is_safe=True)
def document_title(value: str) -> SafeString:
    """Wrap a rendered title block into the whole `<title>` text (see core.titles)."""
    return titles.document_title(value)
