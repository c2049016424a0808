"""Roman numerals are read by one function for dates, periods, numbers
and pattern captures."""

from __future__ import annotations

import pytest

from ruconsist.lang.numerals import roman_value


@pytest.mark.parametrize(
    ("text", "letters", "value"),
    [
        ("XIX", "IVXLCDM", 19), ("xix", "IVXLCDM", 19), ("MCMXC", "IVXLCDM", 1990), ("IV", "IVXLC", 4),
        ("XL", "IVXLC", 40), ("MD", "IVXLC", None), ("", "IVXLCDM", None), ("XХ", "IVXLCDM", None),
        ("X1", "IVXLCDM", None),
    ],
)
def test_roman_value(text: str, letters: str, value: int | None) -> None:
    assert roman_value(text, letters) == value


def test_every_reader_takes_the_shared_one() -> None:
    from ruconsist.lang.dates import roman
    from ruconsist.lang.periods import _roman
    from ruconsist.patterns import roman_value as capture_value

    # Pattern captures take Cyrillic look-alikes and check the form first.
    assert (capture_value("ХХ"), capture_value("IIII")) == (20, None)
    assert (roman("xiv"), _roman("XXI"), _roman("XD")) == (14, 21, None)


@pytest.mark.parametrize(
    ("text", "largest", "serial", "value"),
    [
        ("二十三", 10, False, 23), ("十二", 10, False, 12), ("两", 10, False, 2), ("12", 10, False, 12),
        ("二三", 10, False, None), ("二三", 10, True, 23), ("二○二六", 10, True, 2026),
        ("一百零五", 1000, True, 105), ("一千九百八十", 1000, True, 1980), ("两千", 1000, True, 2000),
        ("一百", 10, True, None), ("十十", 1000, True, None), ("二三十", 10, True, None),
        ("十〇五", 10, True, None), ("〇十", 1000, True, None), ("", 1000, True, None),
    ],
)
def test_zh_int(text: str, largest: int, serial: bool, value: int | None) -> None:
    from ruconsist.lang.numerals import zh_int

    assert zh_int(text, largest=largest, serial=serial) == value
