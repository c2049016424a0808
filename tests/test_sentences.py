"""Russian sentence ends: a full stop after an abbreviation ends no
sentence, whatever precedes the abbreviation on the line."""

from __future__ import annotations

import pytest

from ruconsist.segment import sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Согласно ст. 5 Устава. Далее текст.", ["Согласно ст. 5 Устава.", "Далее текст."]),
    # ``ст.`` closes a longer word here: not the abbreviation.
    ("Это пост. Далее текст.", ["Это пост.", "Далее текст."]),
    ("Это произошло в 2001 г. Далее текст.", ["Это произошло в 2001 г. Далее текст."]),
    ("Он сказал: «Это т.е. так.» Далее текст.", ["Он сказал: «Это т.е. так.»", "Далее текст."]),
    ("Его зовут В. Путин. Далее текст.", ["Его зовут В. Путин.", "Далее текст."]),
    ("Пришёл в нояб. 2001 года.", ["Пришёл в нояб. 2001 года."]),
    # Hundreds of abbreviations that end no sentence, then a sentence end.
    ("ст. 5 " * 300 + "конец. Далее.", ["ст. 5 " * 299 + "ст. 5 конец.", "Далее."]),
])
def test_russian_sentences_end_after_words_not_abbreviations(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text, "ru")] == expected
