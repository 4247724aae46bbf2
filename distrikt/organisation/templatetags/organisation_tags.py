"""Template tags that show the organisation's registers in the site chrome."""

from django import template

from distrikt.core.derived import get_or_compute

from ..models import Office

register = template.Library()


@register.simple_tag
def footer_offices() -> list[Office]:
    """The offices in the footer of every page, read once per change of the organisation data."""
    # Kept in the process too: every page reads it, and the template only reads the rows.
    return get_or_compute(
        Office.changes_datasets, "footer-offices", lambda: list(Office.objects.all()), in_process=True
    )
