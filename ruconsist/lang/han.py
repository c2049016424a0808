"""What counts as a Chinese (Han) character, the same for every module.

CJK Unified Ideographs, Extension A and the Compatibility Ideographs:
the characters of Chinese text in the Basic Multilingual Plane.  Every
module reads Chinese with these (pairing, segmenting, aligning, the
checks), never with the ``regex`` module's ``\\p{Han}``, which adds the
radicals, 々, 〇 and the supplementary planes, so that they all agree on
what is Chinese (``tests/test_han.py``).
"""

from __future__ import annotations

import re

#: For a character class: ``f"[{HAN_RANGES}·]"``.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: One Han character: 普, 㐀 (Extension A), 﨑 (compatibility).
HAN_CHAR = re.compile(f"[{HAN_RANGES}]")
#: A run of Han characters: 普京 in «普京访华».
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")


def is_han(ch: str) -> bool:
    """Whether one character is a Han character."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
