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
