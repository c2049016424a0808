"""What a rule pack holds once loaded: its terms, their examples, the
pack itself (the loader is :mod:`ruconsist.rules`).

Kept apart from the loader so that the modules the loader calls (the
pattern rules, the term matchers) can name these types without
importing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruconsist.diagnostic import Severity
from ruconsist.schema import EXAMPLES, At
from ruconsist.yamlio import line_of


@dataclass(frozen=True, slots=True)
class Example:
    ru: str
    zh: str
    expect_pass: bool
    codes: tuple[str, ...] = ()
    line: int | None = None


#: Slots: a pack of 10,000 names holds 10,000 of these for the run.
@dataclass(frozen=True, slots=True)
class Term:
    id: str
    category: str
    ru: tuple[str, ...]
    zh: tuple[str, ...]
    accept_ru: tuple[str, ...] = ()
    accept_zh: tuple[str, ...] = ()
    forbidden_ru: tuple[str, ...] = ()
    forbidden_zh: tuple[str, ...] = ()
    #: Spellings of the same name in real use that the house does not
    #: write (李英浩 for 李勇浩): reported as TRM002 warnings.
    variant_ru: tuple[str, ...] = ()
    variant_zh: tuple[str, ...] = ()
    except_ru: tuple[str, ...] = ()
    except_zh: tuple[str, ...] = ()
    severity: Severity | None = None
    note: str | None = None
    source: str | None = None
    case: str = "auto"
    examples: tuple[Example, ...] = ()
    #: (region, forms) pairs: ``(("TW", ("普丁",)),)``.
    regional: tuple[tuple[str, tuple[str, ...]], ...] = ()
    pack: str = ""
    path: str = ""
    line: int | None = None

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.ru if lang == "ru" else self.zh

    def accepted(self, lang: str) -> tuple[str, ...]:
        return self.accept_ru if lang == "ru" else self.accept_zh

    def forbidden(self, lang: str) -> tuple[str, ...]:
        return self.forbidden_ru if lang == "ru" else self.forbidden_zh

    def variants(self, lang: str) -> tuple[str, ...]:
        return self.variant_ru if lang == "ru" else self.variant_zh

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(r for r, _ in self.regional)


@dataclass
class Pack:
    name: str
    path: str
    description: str = ""
    source: str = ""
    terms: list[Term] = field(default_factory=list)
    sections: dict[str, Any] = field(default_factory=dict)
    vocab: dict[str, Any] = field(default_factory=dict)
    #: The line of each ``vocab:`` section name.
    vocab_lines: dict[str, int] = field(default_factory=dict)
    digest: str = ""


def forms_of(node: Any) -> tuple[str, ...]:
    """A string or a list of strings (the pack schema has checked it),
    each with its white space collapsed."""
    if node is None:
        return ()
    return tuple(" ".join(item.split()) for item in ([node] if isinstance(node, str) else node))


def sides_of(node: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    node = node or {}
    return forms_of(node.get("ru")), forms_of(node.get("zh"))


def parse_examples(node: Any, path: str, parent: Any) -> tuple[Example, ...]:
    """The ``examples:`` of a term, a pattern rule or a vocabulary entry."""
    if node is None:
        return ()
    # Examples may stand in a plugin's vocabulary section, which no
    # schema has checked before.
    EXAMPLES.check(node, At(path, parent, "examples", "examples"))
    return tuple(
        Example(item.get("ru", ""), item.get("zh", ""), kind == "pass", forms_of(item.get("codes")), line_of(item))
        for kind in ("pass", "fail")
        for item in node.get(kind) or []
    )
