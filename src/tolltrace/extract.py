"""The claim extractor: article text → casualty claims. (Being written; signature fixed.)"""

from __future__ import annotations

from tolltrace.model import Claim


def extract_claims(text: str, article_id: str, sources: object | None = None) -> list[Claim]:
    """Return every casualty claim in `text`, in text order."""
    return []
