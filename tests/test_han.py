"""One definition of a Han character for pairing and every check."""

from __future__ import annotations

import pytest

from ruconsist.lang.han import HAN_CHAR, HAN_RUN, is_han


@pytest.mark.parametrize(
    ("ch", "han"),
    [("普", True), ("㐀", True), ("䶵", True), ("﨑", True), ("鿿", True),
     ("〇", False), ("。", False), ("Ж", False), ("A", False), ("ー", False)],
)
def test_han_characters(ch: str, han: bool) -> None:
    assert bool(HAN_CHAR.fullmatch(ch)) is han
    assert is_han(ch) is han


def test_the_function_and_the_class_agree_on_the_whole_plane() -> None:
    assert [c for c in map(chr, range(0x10000)) if is_han(c) != bool(HAN_CHAR.match(c))] == []


def test_a_run_is_the_chinese_between_other_text() -> None:
    assert [m.group() for m in HAN_RUN.finditer("Путин (普京) 访华")] == ["普京", "访华"]


def test_no_module_writes_its_own_han_class() -> None:
    # A second definition is how pairing and the checks came to disagree
    # on what is Chinese (one counted 〇 and the radicals, another did not).
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "ruconsist"
    own = re.compile(r"\\p\{Han\}|\\p\{Script=Han|\\u4e00|\\u9fff|\\u3400|一-|0x4E00|0x9FFF", re.IGNORECASE)
    # The pinyin store tests the same three ranges on code points (its
    # hot loop); lang/han.py is the definition.
    allowed = {"lang/han.py", "lang/pinyin_store.py"}
    found = [
        f"{path.relative_to(root).as_posix()}:{n}"
        for path in sorted(root.rglob("*.py"))
        if path.relative_to(root).as_posix() not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if own.search(line)
    ]
    assert found == []
