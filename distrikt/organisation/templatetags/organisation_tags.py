"""Template tags that show the organisation's registers in the site chrome."""

from django import template

from ..models import Office

register = template.Library()


@register.simple_tag
def footer_offices() -> list[Office]:
    return list(Office.objects.all())
