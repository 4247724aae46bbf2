"""Numbers for people to read, in the conventions of the active language.

Nynorsk and Bokmål group thousands with a no-break space and use a decimal comma
(«728 714», «12,5»); English groups with a comma and uses a decimal point («728,714»,
«12.5»). Head counts and other counts are whole numbers and never show decimals.
Every template and every text built in Python formats numbers through these functions
(the template filters in `core_tags` call them), so the rule lives in one place.

Numbers a machine reads (SVG coordinates, data attributes) never pass through here:
see `distrikt.core.svg`.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format

MISSING = "–"


def _as_decimal(value: object) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_count(value: object, missing: str = MISSING) -> str:
    """A whole number with grouped thousands: 728714.0 → «728 714» (nn/nb), «728,714» (en)."""
    number = _as_decimal(value)
    if number is None:
        return missing
    whole = int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return number_format(whole, decimal_pos=0, use_l10n=True, force_grouping=True)


def format_decimal(value: object, places: int = 1, missing: str = MISSING) -> str:
    """A number with `places` decimals and grouped thousands: «1 234,5» (nn/nb), «1,234.5» (en)."""
    number = _as_decimal(value)
    if number is None:
        return missing
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no «-0,0»
    return number_format(rounded, decimal_pos=places, use_l10n=True, force_grouping=True)


def format_percent(value: object, places: int = 1, missing: str = MISSING) -> str:
    """A percentage already in per cent (12.5 → «12,5 %»), with a no-break space before the sign."""
    text = format_decimal(value, places, missing="")
    return f"{text}\u00a0%" if text else missing
