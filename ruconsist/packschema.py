"""The rule pack schema: every key a pack may hold, in one place.

:func:`validate_pack` runs when a pack loads, so that a misspelt key
anywhere in it (``categry:`` in a term, ``feminine_endingz:`` in a
vocabulary, ``vocab: {datez: ...}``) stops the run with ``file:line``
and a "did you mean", before any check reads the data.  ``docs/rules.md``
documents each key.

The schema says which keys exist and what type each value has.  The
code that reads a section checks what depends on several values or on
other packs (a term with forms on one side only, a pattern's captures
against its groups, a pinyin syllable against the syllable table).

A plugin's check reads its own vocabulary section (``vocab: yo-names``);
it declares it in :attr:`ruconsist.checks.base.Check.vocab`, with a
schema or ``None`` (any value), and the run refuses a section that no
check declares (:func:`check_vocab_sections`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from ruconsist.diagnostic import CATEGORIES
from ruconsist.errors import RuleError
from ruconsist.schema import (
    AnyValue,
    Optional,
    At,
    Bool,
    Check,
    Choice,
    ListOf,
    Map,
    Number,
    Regex,
    Schema,
    Sides,
    Str,
    Table,
    Words,
    int_key,
    suggest,
    validate,
)
from ruconsist.yamlio import line_of

SEVERITIES = ("error", "warning", "info")
SEVERITY = Choice(SEVERITIES, parse=lambda s: s.strip().lower())
#: ``ru`` and/or ``zh`` forms (``accept:``, ``forbidden:``, ``except:``).
SIDE_FORMS = Sides(Words())

# ---------------------------------------------------------------------------
# Terms

TERM_CATEGORIES = ("name", "place", "organization", "title", "term")
#: A term's forms in one region's Chinese (Taiwan's 普丁 for Путин, where
#: the mainland writes 普京), beside its ``zh`` forms: see docs/regions.md.
REGION_KEYS = ("zh-TW", "zh-HK")
TERM = Map(
    "term",
    {
        "id": Str(empty=False),
        "category": Choice(TERM_CATEGORIES),
        "ru": Optional(Words()),
        "zh": Optional(Words()),
        "accept": Optional(SIDE_FORMS),
        "forbidden": Optional(SIDE_FORMS),
        "variant": Optional(SIDE_FORMS),
        "except": Optional(SIDE_FORMS),
        "severity": SEVERITY,
        "note": Str(),
        "source": Str(),
        "case": Choice(("auto", "exact", "ignore")),
        **{key: Words() for key in REGION_KEYS},
    },
    label=lambda node: f"term {str(node.get('id', '')).strip()!r}",
    examples=True,
    expected="must be a mapping",
)

# ---------------------------------------------------------------------------
# Pattern rules (ruconsist.patterns reads and compiles them)

DIRECTIONS = ("ru->zh", "zh->ru", "both")
COUNTS = ("each", "any")
SCOPES = ("all", "titles", "body")
PATTERN_FLAGS = ("ignorecase", "multiline", "dotall", "verbose")
CAPTURE_KINDS = ("text", "number", "term")
DEFAULT_CODE = "PAT001"
TIMEOUT_CODE = "PAT002"
DEFAULT_TIMEOUT = 0.5
MAX_TIMEOUT = 10.0
VALID_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{1,3}$")


def _code(value: Any) -> str | None:
    if not isinstance(value, str) or not VALID_CODE.match(value):
        return f"{value!r} must be 1-3 capital letters and 1-3 digits, e.g. HS001"
    if value == TIMEOUT_CODE:
        return f"{TIMEOUT_CODE} is reserved for pattern timeouts"
    return None


def _timeout(value: Any) -> str | None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value <= MAX_TIMEOUT
    ):
        return f"must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}"
    return None


def _flag(value: Any) -> str | None:
    if value not in PATTERN_FLAGS:
        return f"holds an unknown flag {value!r} (use {', '.join(PATTERN_FLAGS)}){suggest(str(value), PATTERN_FLAGS)}"
    return None


PATTERN = Map(
    "pattern rule",
    {
        "id": Str(empty=False),
        "description": Str(),
        "ru": AnyValue(),  # compiled, with its own messages, by ruconsist.patterns
        "zh": AnyValue(),
        "flags": Optional(ListOf(Check(_flag), single=True)),
        "captures": Optional(
            Table(AnyValue(), expected="must map group names to text, number or term")
        ),
        "direction": Choice(DIRECTIONS),
        "count": Choice(COUNTS),
        "scope": Choice(SCOPES),
        "paths": Optional(
            Check(
                lambda v: (
                    None
                    if (isinstance(v, str) and v.strip())
                    or (
                        isinstance(v, list)
                        and v
                        and all(isinstance(p, str) and p.strip() for p in v)
                    )
                    else "must be a glob or a list of globs"
                )
            )
        ),
        "severity": SEVERITY,
        "category": Choice(CATEGORIES),
        "message": Str(),
        "expect": Optional(
            Map(
                None,
                {"ru": Str(), "zh": Str()},
                expected="must be a mapping with 'ru' and/or 'zh' templates",
            )
        ),
        "code": Check(_code),
        "timeout": Check(_timeout),
        "enabled": Bool(),
        "note": Str(),
        "source": Str(),
    },
    label=lambda node: f"pattern {str(node.get('id', '')).strip()!r}",
    examples=True,
    expected="must be a mapping",
)


# ---------------------------------------------------------------------------
# Vocabularies


def _number(value: Any) -> str | None:
    """An integer, a decimal or a fraction ``"3/2"``."""
    if isinstance(value, bool) or value is None:
        return f"must be a number, not {value!r}"
    try:
        Fraction(str(value).replace(" ", ""))
    except (ValueError, ZeroDivisionError):
        return f'must be a number (write 5, 1.5 or "3/2"), not {value!r}'
    return None


NUMBER = Check(_number)


def _valued(key: str) -> ListOf:
    """Entries ``{value, forms}`` (``{factor, forms}`` for magnitudes)."""
    return ListOf(
        Map(
            None,
            {key: NUMBER, "forms": Words(numbers=True), "note": Str()},
            required=(key, "forms"),
            examples=True,
        )
    )


NUMBER_WORDS = Words(numbers=True)
NUMBERS_RU = {
    "magnitudes": _valued("factor"),
    **{
        k: _valued("value")
        for k in (
            "cardinals",
            "ordinals",
            "collectives",
            "fractions",
            "compound_prefixes",
            "multiples",
            "multiple_stems",
            "times",
            "group_nouns",
            "vague_multipliers",
        )
    },
    **{
        k: NUMBER_WORDS
        for k in (
            "compound_stems",
            "percent",
            "approx_before",
            "approx_after",
            "time_after",
            "year_after",
            "century_after",
            "reference_before",
            "roman_before",
            "names",
            "month_abbreviations",
            "implicit_one",
            "vague_compounds",
        )
    },
}
NUMBERS_ZH = {
    **{
        k: Table(
            NUMBER,
            key=lambda c: None if str(c) else "is an empty form",
            expected="must map characters to values",
        )
        for k in ("digits", "units", "magnitudes")
    },
    "multiples": _valued("value"),
    "fraction_mark": Str(empty=False),
    **{
        k: NUMBER_WORDS
        for k in (
            "classifiers",
            "not_numbers",
            "names",
            "ordinal_before",
            "ordinal_after",
            "percent_before",
            "permille_before",
            "percent_after",
            "multiple_after",
            "tenths_after",
            "approx_before",
            "approx_after",
            "vague_before",
            "vague_after",
            "weekday_before",
            "time_after",
            "reference_after",
            "article_after",
            "year_after",
            "month_after",
            "day_after",
            "decade_after",
            "century_after",
            "reference_before",
            "multiple_by_before",
            "multiple_to_before",
        )
    },
}
NUMBERS = Map(
    None,
    {
        "settings": Map(
            None, {"quiet_word_values": ListOf(NUMBER), "magnitude_factors": ListOf(NUMBER)}
        ),
        "units": ListOf(
            Map(
                None,
                {
                    "dimension": Str(empty=False),
                    "factor": NUMBER,
                    "offset": NUMBER,
                    "ru": NUMBER_WORDS,
                    "zh": NUMBER_WORDS,
                    "note": Str(),
                },
                required=("dimension", "factor"),
                examples=True,
            )
        ),
        "ru": Map(None, NUMBERS_RU),
        "zh": Map(None, NUMBERS_ZH),
    },
    examples=True,
)

#: Keys of ``vocab: {dates: ...}`` and the shape of each: ``numbered``
#: (lang -> number -> list of words, with the allowed numbers), ``list``
#: (lang -> list), ``regex`` (lang -> list of patterns), ``ambiguous``.
DATE_KEYS: dict[str, tuple[str, tuple[int, int] | None]] = {
    "month_abbreviations": ("numbered", (1, 12)),
    "month_adjectives": ("numbered", (1, 12)),
    "weekday_adjectives": ("numbered", (1, 7)),
    "weekday_prefixes": ("list", None),
    "weekday_extra_names": ("numbered", (1, 7)),
    "weekday_prepositions": ("list", None),
    "weekday_recurring": ("list", None),
    "weekday_modifiers": ("list", None),
    "weekday_time_words": ("list", None),
    "ambiguous_weekdays": ("ambiguous", None),
    "weekday_idioms": ("list", None),
    "relative_days": ("numbered", (-7, 7)),
    "relative_years": ("numbered", (-10, 10)),
    "same_year": ("list", None),
    "halves": ("numbered", (1, 2)),
    "half_nouns": ("list", None),
    "quarters": ("numbered", (1, 4)),
    "quarter_nouns": ("list", None),
    "datelines": ("regex", None),
}


def _date_entries(shape: str, bounds: tuple[int, int] | None) -> Schema:
    if shape == "numbered":
        assert bounds is not None
        return Table(Words(), key=int_key(*bounds), expected="must map numbers to lists of words")
    if shape == "ambiguous":
        return Map(None, {"words": Words(), "not_before_endings": Words()})
    if shape == "regex":
        return ListOf(Regex(groups=("date",), flags=re.MULTILINE), single=True)
    return Words()


DATES = Map(
    None,
    {
        key: Sides(_date_entries(shape, bounds), examples=True)
        for key, (shape, bounds) in DATE_KEYS.items()
    },
    examples=True,
)

TIME_PERIODS = ("morning", "night", "afternoon", "noon", "evening")
MINUTES_IN_DAY = 24 * 60
CLOCK_TABLE = Sides(
    Table(Words(), key=int_key(0, MINUTES_IN_DAY - 1), expected="must map numbers to words"),
    examples=True,
)
TIMES = Map(
    None,
    {
        "periods": Map(
            None, dict.fromkeys(TIME_PERIODS, Sides(Words())), kind="period", examples=True
        ),
        "clock_words": CLOCK_TABLE,
        "minute_words": CLOCK_TABLE,
        "hour_ordinals": CLOCK_TABLE,
        "fixed_times": CLOCK_TABLE,
        "zones": ListOf(
            Map(
                "a zone",
                {
                    "id": Str(empty=False),
                    "offset": Number(
                        -12,
                        14,
                        nullable=True,
                        meaning="is hours east of UTC (-12 to 14), or null for local time",
                    ),
                    "ru": Words(),
                    "zh": Words(),
                    "note": Str(),
                },
                required=("id",),
                examples=True,
            )
        ),
    },
    examples=True,
)

RELATIVE_UNITS = ("day", "week", "month", "year")
DATE_PARTS = ("start", "middle", "end")
ERAS = Map(None, {"bc": Sides(Words()), "ad": Sides(Words())}, examples=True)
RELATIVE_DATES = Map(
    None,
    dict.fromkeys(
        RELATIVE_UNITS,
        Sides(Table(Words(), key=int_key(-1000, 1000), expected="must map offsets to words")),
    ),
    kind="unit",
    examples=True,
)
DATE_PARTS_VOCAB = Map(None, dict.fromkeys(DATE_PARTS, Sides(Words())), kind="part", examples=True)

_STRINGS = ListOf(Str(empty=False))
PALLADIUS = Map(
    None,
    {
        "syllables": Optional(Table(Str(), expected="must map pinyin to Cyrillic")),
        "surname_readings": Optional(Table(Words(), expected="must map characters to pinyin")),
        "compound_surnames": Optional(_STRINGS),
        "surnames": Optional(Str()),
        "markers": Optional(_STRINGS),
        "function_chars": Optional(Str()),
        "readings": Optional(Table(Words(), expected="must map Chinese strings to pinyin")),
        "exceptions": Optional(
            Table(Words(), expected="must map Chinese characters to Russian names")
        ),
        "policy": Optional(
            Table(
                ListOf(Str(empty=False)),
                expected="must map Chinese strings to the Russian names in use",
            )
        ),
    },
)
TRANSLITERATION = Map(
    None,
    {
        "chars": Optional(Str()),
        "feminine_endings": Optional(
            Table(Words(), expected="must map a masculine ending to feminine ones")
        ),
        "feminine_chars": Optional(
            Table(Str(empty=False), expected="must map one character to one character")
        ),
        "not_at_name_edge": Optional(Str()),
        "given_names": Optional(_STRINGS),
    },
)
ENTITIES = Map(
    None,
    {
        "derived": Optional(Table(Words(), expected="must map term ids to Russian adjectives")),
        "combining": Optional(
            Table(Str(empty=False), expected="must map compound forms to term ids")
        ),
        "zh_words": Optional(Words()),
        "traditional": Optional(Str()),
        "institution_heads": Optional(Words()),
        "titles_ru": Optional(Words()),
        "latin": Optional(Table(Words(), expected="must map term ids to Latin forms")),
    },
)
OFFICES = ListOf(
    Map(
        None,
        {
            "id": Str(empty=False),
            "family": Str(empty=False),
            "ru": Words(),
            "zh": Words(),
            "except_ru": Words(),
            "except_zh": Words(),
            "note": Str(),
            "source": Str(empty=False),
        },
        required=("id", "family", "source"),
        label=lambda node: f"office {node.get('id')!r}",
    ),
)

#: Every vocabulary section the built-in checks read.
VOCAB_SECTIONS: dict[str, Schema] = {
    "numbers": NUMBERS,
    "dates": DATES,
    "times": TIMES,
    "eras": ERAS,
    "relative_dates": RELATIVE_DATES,
    "date_parts": DATE_PARTS_VOCAB,
    "palladius": PALLADIUS,
    "transliteration": TRANSLITERATION,
    "entities": ENTITIES,
    "offices": OFFICES,
}

# ---------------------------------------------------------------------------
# The pack

PACK = Map(
    "rule pack",
    {
        "version": AnyValue(),  # "unsupported version" is said by the loader
        "pack": Str(empty=False),
        "description": Str(),
        "source": Str(),
        "license": Str(),
        "terms": Optional(ListOf(TERM)),
        "patterns": Optional(ListOf(PATTERN)),
        "vocab": Optional(Table(AnyValue(), expected="must be a mapping")),
    },
    expected="a rule pack must be a mapping at the top level",
)


def validate_pack(data: Any, path: str) -> None:
    """Validate a parsed pack; raise :class:`RuleError` at ``file:line``.

    Vocabulary sections the built-in checks read are validated in full;
    others are left to :func:`check_vocab_sections`, which knows the
    plugins' sections."""
    if not isinstance(data, dict):
        raise RuleError("a rule pack must be a mapping at the top level", path, 1)
    validate(data, PACK, path)
    vocab = data.get("vocab") or {}
    for name, node in vocab.items():
        schema = VOCAB_SECTIONS.get(str(name))
        if schema is not None:
            schema.check(node, At(path, vocab, name, f"vocab.{name}"))


def check_vocab_sections(packs: Iterable[Any], declared: Mapping[str, Schema | None] = {}) -> None:
    """Refuse a vocabulary section that neither the built-in checks nor a
    registered plugin check (``declared``: section -> schema or None)
    reads, and validate the plugins' sections that come with a schema."""
    known = {**VOCAB_SECTIONS, **declared}
    for pack in packs:
        for name, node in pack.vocab.items():
            if name not in known:
                raise RuleError(
                    f"unknown vocabulary section {name!r}{suggest(str(name), known)}"
                    " (no check reads it)",
                    pack.path,
                    pack.vocab_lines.get(name),
                )
            schema = declared.get(name)
            if schema is not None and name not in VOCAB_SECTIONS:
                schema.check(node, At(pack.path, pack.vocab, name, f"vocab.{name}"))


def vocab_key_lines(vocab: Any) -> dict[str, int]:
    """The line of each section name of a pack's ``vocab:`` mapping."""
    return {str(k): line_of(vocab, k) or 0 for k in vocab} if isinstance(vocab, dict) else {}
