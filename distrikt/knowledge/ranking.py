"""A seam through which the site-wide search lends the knowledge bank its text ranking.

`knowledge` cannot import `search` (search sits on top), so search registers a ranker in
its AppConfig.ready(). Without one, the bank falls back to a plain title match.
"""

from collections.abc import Callable

Ranker = Callable[..., list[tuple[int, float]]]
_ranker: Ranker | None = None


def register_ranker(ranker: Ranker) -> None:
    global _ranker
    _ranker = ranker


def rank_pages(query: str, limit: int = 1000) -> list[tuple[int, float]] | None:
    """(page id, score) of pages matching `query`, best first; None when no ranker exists."""
    if _ranker is None:
        return None
    return _ranker(query, limit=limit)
