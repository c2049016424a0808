"""The date vocabulary: CLDR month and weekday names plus the ``dates``
vocabulary of the packs, and its compiled patterns, kept on disk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ruconsist.lang.dates.forms import _Patterns
from ruconsist.lang.dates.ru_grammar import _build_ru
from ruconsist.lang.dates.zh_grammar import _build_zh

#: Keys of ``vocab: {dates: ...}`` and the shape of each.
from ruconsist.packschema import DATE_KEYS as _SCHEMA

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet


# ---------------------------------------------------------------------------
# Vocabulary


@dataclass
class DateVocab:
    """Language data for date extraction, from CLDR and the packs."""

    month_abbreviations: dict[str, dict[str, int]] = field(default_factory=dict)
    month_adjectives: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_adjectives: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_prefixes: dict[str, list[str]] = field(default_factory=dict)
    weekday_extra_names: dict[str, dict[str, int]] = field(default_factory=dict)
    weekday_prepositions: dict[str, list[str]] = field(default_factory=dict)
    weekday_recurring: dict[str, list[str]] = field(default_factory=dict)
    weekday_modifiers: dict[str, list[str]] = field(default_factory=dict)
    weekday_time_words: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_weekdays: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_not_before: dict[str, list[str]] = field(default_factory=dict)
    weekday_idioms: dict[str, list[str]] = field(default_factory=dict)
    relative_days: dict[str, dict[str, int]] = field(default_factory=dict)
    relative_years: dict[str, dict[str, int]] = field(default_factory=dict)
    same_year: dict[str, list[str]] = field(default_factory=dict)
    halves: dict[str, dict[str, int]] = field(default_factory=dict)
    half_nouns: dict[str, list[str]] = field(default_factory=dict)
    quarters: dict[str, dict[str, int]] = field(default_factory=dict)
    quarter_nouns: dict[str, list[str]] = field(default_factory=dict)
    datelines: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def patterns(self, lang: str) -> _Patterns:
        if lang not in self._compiled:
            self._compiled[lang] = _stored_patterns(self, lang)
        return self._compiled[lang]  # type: ignore[no-any-return]

    def digest(self) -> str:
        """What the patterns are built from, for the on-disk cache."""
        import hashlib

        parts = []
        for f in fields(self):
            if f.name == "_compiled":
                continue
            value = getattr(self, f.name)
            if f.name == "datelines":
                value = {k: [(p.pattern, p.flags) for p in v] for k, v in value.items()}
            parts.append(f"{f.name}={value!r}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _stored_patterns(vocab: DateVocab, lang: str) -> _Patterns:
    """The compiled patterns of one language, kept on disk per vocabulary
    content and library versions: building the Russian ones inflects
    every month and weekday word with the morphology dictionary, which
    costs more than linting a short pair."""
    from ruconsist import cache, morph

    build = (lambda: _build_ru(vocab)) if lang == "ru" else (lambda: _build_zh(vocab))
    key = cache.key_for("dates", lang, vocab.digest(), cache.code_digest(*cache.package_files(__file__), morph.__file__))
    return cache.cached(f"dates-{lang}", key, build, _Patterns)


#: Stored 0-based like :mod:`datetime`; packs number weekdays from 1.
_WEEKDAY_KEYS = ("weekday_adjectives", "weekday_extra_names")


def _words(node: Any) -> list[str]:
    return [" ".join(item.split()) for item in ([node] if isinstance(node, str) else node)]


def add_pack_vocab(vocab: DateVocab, node: Any, path: str) -> None:
    """Merge one pack's ``vocab: {dates: ...}`` into ``vocab``; the pack
    schema (:data:`ruconsist.packschema.DATES`) has checked its shape."""
    for key, value in node.items():
        if key == "examples":  # run by ``ruconsist rules test``
            continue
        shape, _bounds = _SCHEMA[key]
        for lang, entries in value.items():
            if lang == "examples":
                continue
            if shape == "list":
                getattr(vocab, key).setdefault(lang, []).extend(
                    w.lower() if lang == "ru" else w for w in _words(entries)
                )
            elif shape == "regex":
                vocab.datelines.setdefault(lang, []).extend(re.compile(src, re.MULTILINE) for src in _words(entries))
            elif shape == "ambiguous":
                vocab.ambiguous_weekdays.setdefault(lang, []).extend(w.lower() for w in _words(entries.get("words", [])))
                vocab.ambiguous_not_before.setdefault(lang, []).extend(
                    w.lower() for w in _words(entries.get("not_before_endings", []))
                )
            else:
                table = getattr(vocab, key).setdefault(lang, {})
                for num, words in entries.items():
                    n = int(num) - (1 if key in _WEEKDAY_KEYS else 0)
                    for w in _words(words):
                        table[w.lower() if lang == "ru" else w] = n


def build_vocab(nodes: Iterable[tuple[str, Any]]) -> DateVocab:
    """A vocabulary from ``(pack path, vocab.dates node)`` pairs."""
    vocab = DateVocab()
    for path, node in nodes:
        add_pack_vocab(vocab, node, path)
    return vocab


def vocab_for(rules: RuleSet | None) -> DateVocab:
    """The date vocabulary of a rule set (built once per rule set), or of
    the shipped ``dates`` pack when there is no rule set."""
    if rules is None:
        return default_vocab()
    return rules.cached(  # type: ignore[no-any-return]
        "dates.vocab",
        lambda: build_vocab((pack.path, node) for pack, node in rules.vocab("dates")),
    )


_DEFAULT: list[DateVocab] = []


def default_vocab() -> DateVocab:
    if not _DEFAULT:
        from ruconsist.rules import default_pack_dir, load_pack

        path = default_pack_dir() / "dates.yaml"
        pack = load_pack(path, display="rules/dates.yaml")
        _DEFAULT.append(build_vocab([(pack.path, pack.vocab.get("dates", {}))]))
    return _DEFAULT[0]
