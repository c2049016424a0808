"""Pinyin spelling shared by the Palladius comparison and the pinyin
store (which must not import the comparison it serves)."""

from __future__ import annotations

import unicodedata


def normalize_pinyin(text: str) -> str:
    """Toneless pinyin with ü written ``v`` (pypinyin's own spelling)."""
    text = unicodedata.normalize("NFD", text.strip().lower()).replace("u\u0308", "v")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ü", "v")
