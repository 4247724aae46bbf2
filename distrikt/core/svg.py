"""Numbers for SVG attributes: always a dot, never a thousands separator, whatever the language.

A coordinate is read by the browser, not by a person, so it must not pass through Django's
localisation (in Nynorsk and Bokmål `157.8` would become `157,8` and the shape would vanish).
Chart and map geometry therefore leaves Python as ready-made strings.
"""

from collections.abc import Iterable


def svg_number(value: float) -> str:
    """A coordinate with at most one decimal, written with a dot: 157.8, 12, -3.5."""
    text = f"{float(value):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def svg_path(rings: Iterable[Iterable[tuple[float, float]]]) -> str:
    """Path data for closed rings of (x, y) points; repeated points and slivers are dropped."""
    parts = []
    for ring in rings:
        points: list[str] = []
        for x, y in ring:
            point = f"{svg_number(x)},{svg_number(y)}"
            if not points or point != points[-1]:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)
