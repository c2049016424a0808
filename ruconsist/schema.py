"""Declarative schemas for YAML data (rule packs, the project file).

A schema is a tree of small values (:class:`Map`, :class:`ListOf`,
:class:`Words`, :class:`Choice`, ...) that validates a parsed document
whose mappings and lists carry their line numbers
(:mod:`ruconsist.yamlio`).  The first problem found is raised as one
error naming ``file:line``, with "did you mean" for a misspelt key or
value::

    TERM = Map("term", {"id": Str(), "category": Choice(CATEGORIES)})
    validate(node, TERM, "people.yaml")
    # people.yaml:5: unknown key 'categry' in term (did you mean 'category'?)

A schema states the shape of the data: which keys exist, what type each
value has, which values are allowed.  What depends on several fields or
on other packs (a term with forms on one side only, a pinyin syllable
that the table lacks) stays with the code that reads the data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruconsist.errors import RuconsistError, RuleError
from ruconsist.yamlio import line_of


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or ``""``."""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True)
class At:
    """Where a value stands: its file, the mapping or list holding it and
    its key there (for the line), and how messages name it."""

    path: str
    parent: Any
    key: Any
    what: str
    error: type[RuconsistError] = RuleError

    def fail(self, msg: str, node: Any = None, key: Any = None) -> RuconsistError:
        """An error at this value, or at ``node[key]`` when given."""
        if node is None:
            node, key = self.parent, self.key
        return self.error(msg, self.path, line_of(node, key))

    def child(self, node: Any, key: Any, what: str) -> At:
        return At(self.path, node, key, what, self.error)

    def prefixed(self, msg: str) -> str:
        return f"{self.what} {msg}" if self.what else msg


class Schema:
    """Validates one value; raises through :meth:`At.fail`."""

    def check(self, value: Any, at: At) -> None:
        raise NotImplementedError


def validate(
    node: Any, schema: Schema, path: str, what: str = "", error: type[RuconsistError] = RuleError
) -> None:
    """Validate a whole document (or one node of it) against ``schema``."""
    schema.check(node, At(path, node, None, what, error))


@dataclass(frozen=True)
class AnyValue(Schema):
    def check(self, value: Any, at: At) -> None:
        return None


@dataclass(frozen=True)
class Optional(Schema):
    """``schema``, or nothing: ``key:`` with no value (YAML null) stands
    for an empty list or mapping, as a commented-out list leaves it."""

    schema: Schema

    def check(self, value: Any, at: At) -> None:
        if value is not None:
            self.schema.check(value, at)


@dataclass(frozen=True)
class Str(Schema):
    """A string; ``empty=False`` also refuses blank ones."""

    empty: bool = True

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, str):
            raise at.fail(at.prefixed("must be a string"))
        if not self.empty and not value.strip():
            raise at.fail(at.prefixed("must be a non-empty string"))


@dataclass(frozen=True)
class Bool(Schema):
    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, bool):
            raise at.fail(at.prefixed("must be true or false"))


@dataclass(frozen=True)
class Number(Schema):
    """An integer or a decimal within ``[low, high]``; ``null`` too when
    ``nullable``."""

    low: float | None = None
    high: float | None = None
    integer: bool = False
    nullable: bool = False
    meaning: str = ""

    def check(self, value: Any, at: At) -> None:
        if value is None and self.nullable:
            return
        kinds: tuple[type, ...] = (int,) if self.integer else (int, float)
        ok = isinstance(value, kinds) and not isinstance(value, bool)
        if ok and self.low is not None and value < self.low:
            ok = False
        if ok and self.high is not None and value > self.high:
            ok = False
        if not ok:
            kind = "an integer" if self.integer else "a number"
            if self.low is not None and self.high is not None:
                kind += f" from {self.low:g} to {self.high:g}"
            elif self.low is not None:
                kind += f" of at least {self.low:g}"
            raise at.fail(at.prefixed(self.meaning or f"must be {kind}, not {value!r}"))


@dataclass(frozen=True)
class Choice(Schema):
    """One of fixed strings."""

    choices: Sequence[str]
    parse: Callable[[str], str] = str

    def check(self, value: Any, at: At) -> None:
        if isinstance(value, str) and self.parse(value) in self.choices:
            return
        shown = value if isinstance(value, str) else repr(value)
        raise at.fail(
            at.prefixed(
                f"must be one of {', '.join(self.choices)}, not {shown!r}{suggest(str(value), self.choices)}"
            )
        )


@dataclass(frozen=True)
class Words(Schema):
    """A string or a list of non-empty strings (``numbers=True`` also
    takes integers, written as words of digits)."""

    numbers: bool = False

    def check(self, value: Any, at: At) -> None:
        if isinstance(value, str):
            value = [value]
        elif not isinstance(value, list):
            raise at.fail(at.prefixed("must be a string or a list of strings"))
        kinds: tuple[type, ...] = (str, int) if self.numbers else (str,)
        for i, item in enumerate(value):
            if not isinstance(item, kinds) or isinstance(item, bool):
                raise at.fail(
                    at.prefixed(f"must hold strings, found {type(item).__name__}"), value, i
                )
            if not str(item).strip():
                raise at.fail(at.prefixed("has an empty form"), value, i)


@dataclass(frozen=True)
class Regex(Schema):
    """A regular expression (Python :mod:`re`) with the named groups
    ``groups``."""

    groups: tuple[str, ...] = ()
    flags: int = 0

    def check(self, value: Any, at: At) -> None:
        Str(empty=False).check(value, at)
        try:
            pattern = re.compile(value, self.flags)
        except re.error as exc:
            raise at.fail(at.prefixed(f"is a bad regular expression: {exc}")) from None
        for group in self.groups:
            if group not in pattern.groupindex:
                raise at.fail(at.prefixed(f"needs a group (?P<{group}>...)"))


@dataclass(frozen=True)
class Check(Schema):
    """A value tested by a function that returns a complaint or ``None``
    (for what a type cannot say: a fraction ``"3/2"``, one Han
    character)."""

    test: Callable[[Any], str | None]

    def check(self, value: Any, at: At) -> None:
        problem = self.test(value)
        if problem:
            raise at.fail(at.prefixed(problem))


@dataclass(frozen=True)
class ListOf(Schema):
    """A list of ``item`` values (a single value stands for a one-item
    list when ``single``)."""

    item: Schema
    single: bool = False
    nonempty: bool = False
    item_what: str = ""

    def check(self, value: Any, at: At) -> None:
        if self.single and not isinstance(value, list):
            self.item.check(value, at)
            return
        if not isinstance(value, list):
            raise at.fail(at.prefixed("must be a list"))
        if self.nonempty and not value:
            raise at.fail(at.prefixed("must not be empty"))
        for i, item in enumerate(value):
            self.item.check(item, at.child(value, i, self.item_what or at.what))


@dataclass(frozen=True)
class AllOf(Schema):
    """Every schema of ``parts`` in turn (a list that is also checked as
    a whole)."""

    parts: tuple[Schema, ...]

    def check(self, value: Any, at: At) -> None:
        for part in self.parts:
            part.check(value, at)


@dataclass(frozen=True)
class Map(Schema):
    """A mapping with the keys ``fields``, of which ``required`` must be
    present.

    ``name`` names the mapping in "unknown key 'x' in {name}"; ``label``
    makes the prefix of the messages about its values from the mapping
    itself (``term 'putin': ...``), else they are prefixed with the
    dotted path of the key.  ``examples`` allows an ``examples:`` key
    (run by ``ruconsist rules test``)."""

    name: str | None
    fields: Mapping[str, Schema]
    required: tuple[str, ...] = ()
    label: Callable[[Mapping[str, Any]], str] | None = None
    examples: bool = False
    kind: str = "key"
    expected: str = ""

    def keys(self) -> tuple[str, ...]:
        return (*self.fields, "examples") if self.examples else tuple(self.fields)

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, dict):
            raise at.fail(at.prefixed(self.expected or "must be a mapping"))
        keys = self.keys()
        for key in value:
            if key not in keys:
                hint = suggest(str(key), keys)
                if not hint and self.kind != "key":
                    hint = f" (expected {', '.join(self.fields)})"
                where = self.name or at.what
                raise at.fail(
                    f"unknown {self.kind} {key!r}{f' in {where}' if where else ''}{hint}",
                    value,
                    key,
                )
        prefix = self.label(value) if self.label else at.what
        for key in self.required:
            if key not in value:
                raise at.fail(f"{prefix or self.name} needs {key!r}", value, None)
        for key, sub in value.items():
            schema = (
                Optional(EXAMPLES)
                if key == "examples" and "examples" not in self.fields
                else self.fields[key]
            )
            what = (
                f"{prefix}: {key}" if self.label else (f"{prefix}.{key}" if prefix else f"'{key}'")
            )
            schema.check(sub, at.child(value, key, what))


@dataclass(frozen=True)
class Table(Schema):
    """A mapping with free keys, each checked by ``key``, to ``value``s."""

    value: Schema
    key: Callable[[Any], str | None] = lambda k: None
    expected: str = "must be a mapping"

    def check(self, value: Any, at: At) -> None:
        if not isinstance(value, dict):
            raise at.fail(at.prefixed(self.expected))
        for key, sub in value.items():
            problem = self.key(key)
            if problem:
                raise at.fail(at.prefixed(f"key '{key}' {problem}"), value, key)
            self.value.check(sub, at.child(value, key, f"{at.what}.{key}" if at.what else str(key)))


@dataclass(frozen=True)
class Sides(Schema):
    """``{ru: ..., zh: ...}``: the same schema for each language."""

    value: Schema
    examples: bool = False
    languages: tuple[str, ...] = ("ru", "zh")

    def check(self, value: Any, at: At) -> None:
        Map(
            None,
            dict.fromkeys(self.languages, self.value),
            examples=self.examples,
            kind="language",
            expected=f"must map a language ({', '.join(self.languages)}) to its entries",
        ).check(value, at)


def int_key(low: int, high: int) -> Callable[[Any], str | None]:
    """A key test: an integer (or digits) from ``low`` to ``high``."""

    def test(key: Any) -> str | None:
        try:
            n = int(key)
        except (TypeError, ValueError):
            n = None
        if isinstance(key, bool) or n is None or not low <= n <= high:
            return f"must be a number from {low} to {high}"
        return None

    return test


#: ``examples: {pass: [...], fail: [...]}`` on a term, a pattern rule or a
#: vocabulary entry.
EXAMPLE = Map(
    "examples",
    {"ru": Str(), "zh": Str(), "codes": Optional(Words()), "note": Str()},
    expected="items must be mappings with 'ru' and 'zh'",
)
EXAMPLES = Map(
    "examples",
    {"pass": Optional(ListOf(EXAMPLE)), "fail": Optional(ListOf(EXAMPLE))},
    expected="must be a mapping with 'pass' and/or 'fail'",
)
