"""Small helpers for templates: formatting numbers the Norwegian way."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def thousands(value: int | float | None) -> str:
    """Format 12345 as «12 345» (narrow no-break space), blank for None."""
    if value is None or value == "":
        return ""
    return number_format(value, decimal_pos=None, use_l10n=True, force_grouping=True)


@register.filter
def percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    return number_format(value * 100, decimal_pos=decimals, use_l10n=True) + " %"


@register.simple_tag(takes_context=True)
def uncached_fragment(context, name: str, object_id: int) -> str:
    """A piece of a cached page rendered afresh on every request (see core.cache.register_fragment)."""
    from distrikt.core.cache import render_fragment

    return render_fragment(name, context["request"], object_id)
