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
