"""Validating and compiling a pack's ``patterns:`` section (every error
names the pack file and line), the effective rules of a rule set and
their prefilter.
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import regex

from ruconsist.diagnostic import Severity
from ruconsist.errors import RuleError
from ruconsist.multisearch import Literals
from ruconsist.packschema import CAPTURE_KINDS, DEFAULT_CODE, DEFAULT_TIMEOUT
from ruconsist.patterns.rule import CAPTURE_SPECS, FLAGS, ID_RE, MESSAGE_FIELDS, PatternRule
from ruconsist.yamlio import line_of

if TYPE_CHECKING:
    from ruconsist.packtypes import Pack
    from ruconsist.rules import RuleSet


# Parsing -----------------------------------------------------------------


def _suggest(word: str, choices: Iterable[str]) -> str:
    from ruconsist.schema import suggest

    return suggest(word, choices)


def _fail(msg: str, path: str, node: Any, key: Any = None) -> RuleError:
    return RuleError(msg, path, line_of(node, key))


def _compile(rid: str, lang: str, source: Any, flags: int, path: str, node: Any) -> regex.Pattern[str] | None:
    if source is None:
        return None
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"pattern {rid!r}: {lang} must be a non-empty regular expression", path, node, lang)
    try:
        pattern = regex.compile(source, flags | regex.UNICODE)
    except regex.error as exc:
        pos = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        msg = getattr(exc, "msg", None) or str(exc)
        raise _fail(f"pattern {rid!r}: {lang} pattern does not compile: {msg}{pos}", path, node, lang) from None
    except (OverflowError, RecursionError, ValueError) as exc:
        raise _fail(f"pattern {rid!r}: {lang} pattern does not compile: {exc}", path, node, lang) from None
    if pattern.match("") is not None:
        raise _fail(
            f"pattern {rid!r}: {lang} pattern matches the empty string; every match must hold text",
            path, node, lang,
        )
    return pattern


def _template_fields(template: str, rid: str, key: str, path: str, node: Any) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise _fail(f"pattern {rid!r}: {key} is not a valid template: {exc}", path, node, key) from None
    out = []
    for _lit, name, spec, conv in parsed:
        if name is None:
            continue
        if not name or not regex.match(r"^\w+$", name):
            raise _fail(
                f"pattern {rid!r}: {key} placeholder {{{name}}} must be a plain name"
                " (write {{ and }} for literal braces)",
                path, node, key,
            )
        if conv:
            raise _fail(f"pattern {rid!r}: {key} placeholder {{{name}!{conv}}} takes no conversion", path, node, key)
        out.append((name, spec or ""))
    return out


def parse_pattern(node: Any, path: str, pack: str, parent: Any, index: int) -> PatternRule:
    """One pattern rule, checked and compiled.  The pack schema
    (:data:`ruconsist.packschema.PATTERN`) has checked every key's type and
    value; what follows checks the patterns themselves and how the other
    keys use their groups, in the order of the steps below (the first
    error found is the one reported)."""
    from ruconsist.packtypes import parse_examples

    rid = _rule_id(node, path)
    what = f"pattern {rid!r}"
    enabled = node.get("enabled", True)
    flags = _flags(node)
    if not enabled and "ru" not in node and "zh" not in node:
        # ``{id: x, enabled: false}`` switches off a rule of an earlier pack.
        return PatternRule(id=rid, ru=None, zh=None, enabled=False, pack=pack, path=path, line=line_of(node))
    ru = _compile(rid, "ru", node.get("ru"), flags, path, node)
    zh = _compile(rid, "zh", node.get("zh"), flags, path, node)
    _check_sides(what, ru, zh, node, path)
    groups = {"ru": set(ru.groupindex) if ru else set(), "zh": set(zh.groupindex) if zh else set()}
    _check_group_names(what, groups, node, path)
    captures = _captures(what, groups, ru is not None and zh is not None, node, path)
    paths_node = node.get("paths")
    paths = tuple(p.strip() for p in ([paths_node] if isinstance(paths_node, str) else paths_node or ()))
    severity = Severity.parse(node["severity"]) if "severity" in node else None
    expect = _expect(what, rid, groups, node, path)
    message = node.get("message")
    if message is not None:
        _check_message(what, rid, message, groups, node, path)
    lines = tuple((k, line_of(node, k)) for k in ("ru", "zh", "message", "expect", "code") if k in node)
    return PatternRule(
        id=rid,
        ru=ru,
        zh=zh,
        description=" ".join(str(node.get("description") or "").split()),
        captures=tuple(captures),
        direction=node.get("direction", "both"),
        count=node.get("count", "each"),
        scope=node.get("scope", "all"),
        paths=paths,
        severity=severity,
        category=node.get("category", "style"),
        message=message,
        expect=tuple(expect),
        code=node.get("code", DEFAULT_CODE),
        timeout=float(node.get("timeout", DEFAULT_TIMEOUT)),
        enabled=enabled,
        note=node.get("note"),
        source=node.get("source"),
        examples=parse_examples(node.get("examples"), path, node),
        pack=pack,
        path=path,
        line=line_of(node),
        lines=lines,
    )


def _rule_id(node: Any, path: str) -> str:
    rid = node.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _fail("pattern rule needs an 'id' (a non-empty string)", path, node)
    rid = rid.strip()
    if not ID_RE.match(rid):
        raise _fail(
            f"pattern id {rid!r} must be lower-case letters, digits, '.', '_' and '-'", path, node, "id"
        )
    return rid


def _flags(node: Any) -> int:
    flags = 0
    raw_flags = node.get("flags") or []
    for f in [raw_flags] if isinstance(raw_flags, str) else raw_flags:
        flags |= FLAGS[f]
    return flags


def _check_sides(what: str, ru: regex.Pattern[str] | None, zh: regex.Pattern[str] | None, node: Any, path: str) -> None:
    """At least one side; the keys that compare two sides only with both."""
    if ru is None and zh is None:
        raise _fail(f"{what} needs an 'ru' or a 'zh' pattern (or both)", path, node)
    if ru is not None and zh is not None:
        return
    for k in ("direction", "count", "expect"):
        if k in node:
            raise _fail(
                f"{what}: {k!r} needs both an 'ru' and a 'zh' pattern"
                " (a one-sided rule reports every match)",
                path, node, k,
            )


def _check_group_names(what: str, groups: Mapping[str, set[str]], node: Any, path: str) -> None:
    """No group may take a name the message templates reserve."""
    for name in sorted(groups["ru"] | groups["zh"]):
        if name in MESSAGE_FIELDS:
            raise _fail(
                f"{what}: capture name {name!r} is reserved for messages; choose another name",
                path, node, "ru" if name in groups["ru"] else "zh",
            )


def _captures(what: str, groups: Mapping[str, set[str]], paired: bool, node: Any, path: str) -> list[tuple[str, str]]:
    """``captures:``: each a named group (of both patterns when there are
    two) with a kind of comparison."""
    all_groups = groups["ru"] | groups["zh"]
    captures: list[tuple[str, str]] = []
    raw_caps = node.get("captures") or {}
    for name, kind in raw_caps.items():
        if name not in all_groups:
            known = ", ".join(sorted(all_groups)) or "none"
            raise _fail(
                f"{what}: capture {name!r} is not a named group of its patterns"
                f" (groups: {known}){_suggest(name, all_groups)}",
                path, raw_caps, name,
            )
        if paired and not (name in groups["ru"] and name in groups["zh"]):
            has, lacks = ("ru", "zh") if name in groups["ru"] else ("zh", "ru")
            raise _fail(
                f"{what}: capture {name!r} is in the {has} pattern but not in the {lacks}"
                " pattern, so it cannot be compared",
                path, raw_caps, name,
            )
        if kind not in CAPTURE_KINDS:
            raise _fail(
                f"{what}: capture {name!r} must be compared as text, number or term,"
                f" not {kind!r}{_suggest(str(kind), CAPTURE_KINDS)}",
                path, raw_caps, name,
            )
        captures.append((name, kind))
    return captures


def _expect(what: str, rid: str, groups: Mapping[str, set[str]], node: Any, path: str) -> list[tuple[str, str]]:
    """``expect:``: per side, a template of the other side's groups."""
    expect: list[tuple[str, str]] = []
    raw_expect = node.get("expect")
    for lang, tpl in (raw_expect or {}).items():
        src = "zh" if lang == "ru" else "ru"
        for name, spec in _template_fields(tpl, rid, f"expect.{lang}", path, raw_expect):
            if name not in groups[src]:
                raise _fail(
                    f"{what}: expect.{lang} uses {{{name}}}, which is not a group of the {src} pattern"
                    f"{_suggest(name, groups[src])}",
                    path, raw_expect, lang,
                )
            if spec not in CAPTURE_SPECS:
                raise _fail(
                    f"{what}: expect.{lang} placeholder {{{name}:{spec}}}: format must be one of d, zh, roman",
                    path, raw_expect, lang,
                )
        expect.append((lang, tpl))
    return expect


def _check_message(what: str, rid: str, message: str, groups: Mapping[str, set[str]], node: Any, path: str) -> None:
    """``message:`` uses the captures and the message fields only."""
    all_groups = groups["ru"] | groups["zh"]
    allowed = set(MESSAGE_FIELDS) | all_groups
    for name, spec in _template_fields(message, rid, "message", path, node):
        if name not in allowed:
            raise _fail(
                f"{what}: message uses {{{name}}}, which is neither a capture nor one of"
                f" {', '.join(MESSAGE_FIELDS)}{_suggest(name, allowed)}",
                path, node, "message",
            )
        if name in all_groups and spec not in CAPTURE_SPECS:
            raise _fail(
                f"{what}: message placeholder {{{name}:{spec}}}: format must be one of d, zh, roman",
                path, node, "message",
            )


def parse_patterns(pack: Pack, node: Any, path: str) -> list[PatternRule]:
    """Validate and compile a pack's ``patterns:`` section."""
    if node is None:
        return []
    if not isinstance(node, list):
        raise RuleError("'patterns' must be a list of pattern rules", path, line_of(node))
    out: list[PatternRule] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(node):
        rule = parse_pattern(item, path, pack.name, node, i)
        if rule.id in seen:
            raise RuleError(f"duplicate pattern id {rule.id!r} (first at line {seen[rule.id]})", path, rule.line)
        seen[rule.id] = rule.line
        out.append(rule)
    return out


def effective_patterns(rules: RuleSet) -> list[PatternRule]:
    """The pattern rules in force: a later pack's rule replaces an earlier
    one with the same id, and ``enabled: false`` removes it."""

    def build() -> list[PatternRule]:
        merged: dict[str, PatternRule] = {}
        for _pack, parsed in rules.section("patterns"):
            for rule in parsed:
                merged.pop(rule.id, None)
                merged[rule.id] = rule
        return [r for r in merged.values() if r.enabled]

    return rules.cached("patterns.effective", build)  # type: ignore[no-any-return]


class Prefilter:
    """The pattern rules that can match a segment, found with one look
    for each distinct literal of the rules' gates (see
    :mod:`ruconsist.speed.regexgate`) rather than a call per rule: a rule is
    admitted when a source side has no gate or holds one of its gate's
    literals, which is the test :func:`run_rule` starts with."""

    def __init__(self, rules: Sequence[PatternRule]) -> None:
        self.rules = tuple(rules)
        #: Per rule, per source side: its gate as a set, or ``None``.
        self._needs = tuple(
            tuple((lang, None if rule.gates[lang] is None else frozenset(rule.gates[lang])) for lang in rule.sources())
            for rule in self.rules
        )
        # Which rules each literal admits, and those admitted always (a
        # source side without a gate): a segment then costs one search
        # per side and a look-up per literal found, not a test per rule.
        self._always: list[int] = []
        self._by_literal: dict[str, dict[str, list[int]]] = {"ru": defaultdict(list), "zh": defaultdict(list)}
        for k, needs in enumerate(self._needs):
            if any(gate is None for _, gate in needs):
                self._always.append(k)
                continue
            for lang, gate in needs:
                for literal in gate or ():
                    self._by_literal[lang][literal].append(k)
        self._literals = {lang: Literals(sorted(by)) for lang, by in self._by_literal.items()}

    def admitted(self, texts: Mapping[str, str]) -> Iterator[PatternRule]:
        """The rules, in order, that may match ``texts`` (lang → side text)."""
        chosen = set(self._always)
        for lang, literals in self._literals.items():
            by_literal = self._by_literal[lang]
            for literal in literals.present(texts[lang]):
                chosen.update(by_literal[literal])
        rules = self.rules
        for k in sorted(chosen):
            yield rules[k]


def prefilter(rules: RuleSet) -> Prefilter:
    return rules.cached("patterns.prefilter", lambda: Prefilter(effective_patterns(rules)))  # type: ignore[no-any-return]


def rule_codes(rules: RuleSet) -> dict[str, PatternRule]:
    """Each code the pattern rules report, with the first rule using it."""
    out: dict[str, PatternRule] = {}
    for rule in effective_patterns(rules):
        out.setdefault(rule.code, rule)
    return out
