"""Resolve a video address to its oEmbed data, without failing the page when it cannot."""

from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException


def embed_for(url: str):
    """The stored or fetched embed for a URL, or None when there is none to show."""
    if not url:
        return None
    try:
        return get_embed(url)
    except (EmbedException, OSError, ValueError):
        return None
