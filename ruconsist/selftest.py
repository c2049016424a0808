"""Rules that test themselves: run the ``examples`` of every term, pattern
rule and vocabulary entry through the real pipeline.

An example is an RU/ZH pair::

    examples:
      pass: [{ru: согласно ст. 5 Устава, zh: 根据《宪章》第五条}]
      fail: [{ru: согласно ст. 5 Устава, zh: 根据《宪章》第六条, codes: [PAT001]}]

* A **pass** example must give no finding *from its rule*: for a term,
  no finding whose ``rule`` is the term's id or whose text is a mention
  of the term (a TTL001 finding names the Russian title's term but is
  about the Chinese one too); for a pattern rule, none of its code
  naming it.  A vocabulary entry's findings cannot be traced to
  the entry, so its pass examples must give no finding at all.
* A **fail** example must give every code it lists (default: the pattern
  rule's own code; for a term or a vocabulary entry, any finding).  A
  listed code counts when a finding of that code names the rule, or names
  no rule at all (the number and date checks report values, not rules).

Each example is linted alone as one RU paragraph and one ZH paragraph
(blank lines split paragraphs), with every loaded pack and every check,
exactly as ``ruconsist check`` would lint a file pair.  Examples of a
``scope: titles`` rule are linted as titles; examples of a rule limited
by ``paths`` are linted as a file named after its first glob.

``ruconsist rules test [FILES]`` runs them (:func:`cmd_rules_test`);
:func:`verify_on_load` runs the examples of the user's own packs when
they load, cached on disk by the packs' digest so that only a changed
pack costs anything, and warns about failures, or refuses to run when
the configuration sets ``strict-rules: true``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import regex

from ruconsist.errors import RuleError
from ruconsist.lang.han import HAN_CHAR
from ruconsist.yamlio import line_of

if TYPE_CHECKING:
    from ruconsist.config import Config
    from ruconsist.diagnostic import Diagnostic
    from ruconsist.engine import Linter
    from ruconsist.rules import Example, Pack, RuleSet

EXIT_OK, EXIT_FAILED = 0, 1


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example."""

    kind: str  # term | pattern | vocab
    rule: str  # the term or pattern id, or the vocabulary entry's path
    pack: str
    path: str
    line: int | None  # the example's line in the pack
    expect_pass: bool
    ru: str
    zh: str
    codes: tuple[str, ...]  # codes a fail example must give
    found: tuple[tuple[str, str], ...]  # (code, message) of the findings that matter
    ok: bool
    problem: str = ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rule": self.rule,
            "pack": self.pack,
            "path": self.path,
            "line": self.line,
            "expect": "pass" if self.expect_pass else "fail",
            "ru": self.ru,
            "zh": self.zh,
            "codes": list(self.codes),
            "found": [{"code": c, "message": m} for c, m in self.found],
            "ok": self.ok,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class Untested:
    kind: str
    rule: str
    path: str
    line: int | None


@dataclass
class SelfTestReport:
    results: list[ExampleResult] = field(default_factory=list)
    #: Rules of the tested packs that carry no examples.
    untested: list[Untested] = field(default_factory=list)
    #: Problems of a rule as a whole, as (path, line, message).
    problems: list[tuple[str, int | None, str]] = field(default_factory=list)
    packs: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[ExampleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failures and not self.problems

    def rules_tested(self) -> int:
        return len({(r.kind, r.rule, r.path) for r in self.results})

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "packs": self.packs,
            "examples": len(self.results),
            "failed": len(self.failures),
            "results": [r.to_dict() for r in self.results],
            "untested": [u.__dict__ for u in self.untested],
            "problems": [{"path": p, "line": n, "message": m} for p, n, m in self.problems],
        }


@dataclass
class _Item:
    """A rule with examples, and how to tell its findings."""

    kind: str
    rule: str
    pack: str
    path: str
    line: int | None
    examples: tuple[Example, ...]
    default_codes: tuple[str, ...]
    names_rule: Callable[[Diagnostic], bool]
    title: bool = False
    file_name: str | None = None
    problem: str = ""


# Collecting ------------------------------------------------------------


def _pattern_codes(rules: RuleSet) -> set[str]:
    from ruconsist.patterns import DEFAULT_CODE, TIMEOUT_CODE, effective_patterns

    return {DEFAULT_CODE, TIMEOUT_CODE} | {r.code for r in effective_patterns(rules)}


def sample_path(glob: str) -> str:
    """A file name matching ``glob`` (``news/**/*.md`` → ``news/x/x.md``)."""
    out = regex.sub(r"\[!?([^\]]*)\]", lambda m: "x" if m.group().startswith("[!") else (m.group(1)[:1] or "x"), glob)
    return out.replace("**", "x").replace("*", "x").replace("?", "x")


def _vocab_entries(node: Any, label: str) -> Iterator[tuple[str, Any]]:
    """Every mapping under a vocabulary section that carries ``examples``,
    with a readable path (``numbers.ru.magnitudes[0] (тыс)``)."""
    stack: list[tuple[str, Any]] = [(label, node)]
    while stack:
        name, cur = stack.pop()
        if isinstance(cur, dict):
            if "examples" in cur:
                hint = ""
                for k in ("id", "name", "value", "factor"):
                    if k in cur and isinstance(cur[k], (str, int, float)):
                        hint = f" ({k} {cur[k]})"
                        break
                else:
                    forms = cur.get("forms")
                    if isinstance(forms, list) and forms and isinstance(forms[0], str):
                        hint = f" ({forms[0]})"
                yield name + hint, cur
            for k, v in reversed(list(cur.items())):
                if k != "examples":
                    stack.append((f"{name}.{k}", v))
        elif isinstance(cur, list):
            for i, v in reversed(list(enumerate(cur))):
                stack.append((f"{name}[{i}]", v))


def _mentioned(rules: RuleSet, text: str) -> set[str]:
    """Terms mentioned in a finding's text (which may quote either side)."""
    from ruconsist.terms import matcher_for

    lang = "zh" if HAN_CHAR.search(text) else "ru"
    return {t for m in matcher_for(rules).find(text, lang) for t in m.terms}


def _term_items(rules: RuleSet, chosen_paths: set[str], items: list[_Item], untested: list[Untested]) -> None:
    """An item for each term of the chosen packs that has examples; the
    others are untested."""
    pattern_codes = _pattern_codes(rules)
    for term in rules.terms:
        if term.path not in chosen_paths:
            continue
        if not term.examples:
            untested.append(Untested("term", term.id, term.path, term.line))
            continue

        def names_term(d: Diagnostic, tid: str = term.id) -> bool:
            # A finding about two terms (TTL001: RU names one treaty, ZH
            # another) names one of them as its rule; it is about the
            # other one too when its text is a mention of that term.
            if d.code in pattern_codes:
                return False
            if d.rule == tid:
                return True
            return bool(d.found) and tid in _mentioned(rules, d.found)

        items.append(_Item("term", term.id, term.pack, term.path, term.line, term.examples, (), names_term))


def _pattern_items(rules: RuleSet, chosen_paths: set[str], items: list[_Item], untested: list[Untested]) -> None:
    """An item for each pattern rule in force in the chosen packs that has
    examples, linted as a title or as a file its ``paths`` allow; the
    others are untested."""
    from ruconsist.patterns import TIMEOUT_CODE, effective_patterns, path_allowed

    for rule in effective_patterns(rules):
        if rule.path not in chosen_paths:
            continue
        if not rule.examples:
            untested.append(Untested("pattern", rule.id, rule.path, rule.line))
            continue

        def names_pattern(d: Diagnostic, rid: str = rule.id, code: str = rule.code) -> bool:
            return d.rule == rid and d.code in (code, TIMEOUT_CODE)

        item = _Item(
            "pattern", rule.id, rule.pack, rule.path, rule.line, rule.examples, (rule.code,), names_pattern,
            title=rule.scope == "titles",
        )
        if rule.paths:
            name = sample_path(rule.paths[0])
            if path_allowed(rule, name):
                item.file_name = name
            else:
                item.problem = f"cannot name a file matching paths {rule.paths[0]!r}; examples not run"
        items.append(item)


def _vocab_items(rules: RuleSet, chosen_ids: set[int], items: list[_Item]) -> None:
    """An item for each vocabulary entry of the chosen packs with
    examples; its findings cannot be traced to it, so any finding is
    its."""
    from ruconsist.packtypes import parse_examples

    for pack in rules.packs:
        if id(pack) not in chosen_ids:
            continue
        for section, node in pack.vocab.items():
            for label, entry in _vocab_entries(node, str(section)):
                examples = parse_examples(entry.get("examples"), pack.path, entry)
                if not examples:
                    continue
                items.append(
                    _Item("vocab", label, pack.name, pack.path, line_of(entry), examples, (), lambda d: True)
                )


def collect(rules: RuleSet, packs: Iterable[Pack] | None = None) -> tuple[list[_Item], list[Untested]]:
    """The rules of ``packs`` (default: every loaded pack) with their
    examples: terms, then pattern rules, then vocabulary entries.  Only
    rules in force are tested: a term or pattern replaced by a later
    pack's entry of the same id is skipped."""
    chosen = list(rules.packs if packs is None else packs)
    items: list[_Item] = []
    untested: list[Untested] = []
    _term_items(rules, {p.path for p in chosen}, items, untested)
    _pattern_items(rules, {p.path for p in chosen}, items, untested)
    _vocab_items(rules, {id(p) for p in chosen}, items)
    return items, untested


# Running ----------------------------------------------------------------


def example_linter(rules: RuleSet, config: Config | None = None, pm: Any = None) -> Linter:
    """A linter with every check selected and nothing ignored, whatever
    the user's configuration selects: an example tests its rule."""
    from ruconsist.config import Config
    from ruconsist.engine import Linter

    cfg = replace(
        config or Config(),
        select=(),
        ignore=(),
        extend_select=(),
        extend_ignore=(),
        per_path_ignores=(),
        severity=(),
    )
    return Linter(cfg, pm=pm, rules=rules)


def lint_example(linter: Linter, ru: str, zh: str, *, title: bool = False, path: str | None = None) -> list[Diagnostic]:
    """Lint one example pair through the real pipeline."""
    from ruconsist.document import Document
    from ruconsist.readers.text import TextReader

    reader = TextReader()
    ru_path, zh_path = (path, path) if path else ("example.ru.txt", "example.zh.txt")
    ru_parsed = reader.read(Document(ru_path, ru), "ru", linter.config)
    zh_parsed = reader.read(Document(zh_path, zh), "zh", linter.config)
    if title:
        for parsed, lang in ((ru_parsed, "ru"), (zh_parsed, "zh")):
            for seg in parsed.segments.get(lang, []):
                seg.kind = "title"
    return linter.lint_parsed(ru_parsed, zh_parsed)[1]


def _judge(item: _Item, ex: Example, diags: Sequence[Diagnostic]) -> tuple[bool, tuple[str, ...], tuple[tuple[str, str], ...], str]:
    mine = [d for d in diags if item.names_rule(d)]
    if ex.expect_pass:
        found = tuple((d.code, d.message) for d in mine)
        if not mine:
            return True, (), found, ""
        shown = "; ".join(f"{c} {m}" for c, m in found[:3])
        return False, (), found, f"pass example gives {shown}"
    codes = ex.codes or item.default_codes
    if not codes:
        found = tuple((d.code, d.message) for d in mine)
        if mine:
            return True, (), found, ""
        return False, (), found, "fail example gives no finding" + _others(diags)
    missing = [
        c for c in codes if not any(d.code == c and (item.names_rule(d) or d.rule is None) for d in diags)
    ]
    relevant = [d for d in diags if d.code in codes and (item.names_rule(d) or d.rule is None)] or mine
    found = tuple((d.code, d.message) for d in relevant)
    if not missing:
        return True, codes, found, ""
    return False, codes, found, f"fail example does not give {', '.join(missing)}" + _others(diags)


def _others(diags: Sequence[Diagnostic]) -> str:
    if not diags:
        return " (no finding at all)"
    shown = ", ".join(dict.fromkeys(f"{d.code}" + (f" [{d.rule}]" if d.rule else "") for d in diags))
    return f" (found {shown})"


def run_selftest(
    rules: RuleSet,
    packs: Iterable[Pack] | None = None,
    *,
    config: Config | None = None,
    linter: Linter | None = None,
    codes: dict[str, Any] | None = None,
) -> SelfTestReport:
    """Run the examples of ``packs`` (default: every loaded pack).

    ``codes`` (code → info with ``.check``, as ``Linter.codes``) lets the
    report flag pattern rules that borrow a built-in check's code."""
    chosen = list(rules.packs if packs is None else packs)
    report = SelfTestReport(packs=[p.path for p in chosen])
    items, report.untested = collect(rules, chosen)
    if items:
        lint = linter or example_linter(rules, config)
        codes = codes if codes is not None else lint.codes
        for item in items:
            if item.problem:
                report.problems.append((item.path, item.line, f"{item.kind} '{item.rule}': {item.problem}"))
                continue
            for ex in item.examples:
                diags = lint_example(lint, ex.ru, ex.zh, title=item.title, path=item.file_name)
                ok, want, found, problem = _judge(item, ex, diags)
                report.results.append(
                    ExampleResult(
                        item.kind, item.rule, item.pack, item.path, ex.line or item.line, ex.expect_pass,
                        ex.ru, ex.zh, want, found, ok, problem,
                    )
                )
    if codes:
        report.problems.extend(_code_clashes(rules, chosen, codes))
    return report


def _code_clashes(rules: RuleSet, packs: Sequence[Pack], codes: dict[str, Any]) -> list[tuple[str, int | None, str]]:
    from ruconsist.checks.patterns import PatternRuleCheck
    from ruconsist.patterns import effective_patterns

    paths = {p.path for p in packs}
    out = []
    for rule in effective_patterns(rules):
        info = codes.get(rule.code)
        if rule.path in paths and info is not None and getattr(info, "check", None) is not PatternRuleCheck:
            slug = getattr(info, "slug", "")
            msg = (
                f"pattern '{rule.id}' uses code {rule.code}, which the built-in check {slug} reports;"
                " choose a code of its own"
            )
            out.append((rule.path, rule.line_for("code"), msg))
    return out


# On load ---------------------------------------------------------------


def _is_shipped(pack: Pack) -> bool:
    from ruconsist.rules import default_pack_paths

    return pack.path in {f"rules/{p.name}" for p in default_pack_paths()}


def verify_on_load(linter: Linter, err: IO[str], *, include_shipped: bool = False) -> SelfTestReport | None:
    """Test the examples of the loaded packs that are not shipped with
    ruconsist (the shipped ones are tested by ruconsist's own test
    suite), and write one warning per failing example to ``err``.

    The result is cached on disk under the digest of every loaded pack
    (a rule's examples may depend on another pack's words) and the
    library versions, so a run whose packs did not change costs one file
    read.  With ``strict-rules: true`` in the configuration a failure is
    a :class:`RuleError` naming the first failing example (exit code 2).
    Returns ``None`` when no pack needed testing."""
    rules = linter.rules
    packs = [p for p in rules.packs if include_shipped or not _is_shipped(p)]
    if not packs or not any(_has_examples(p) for p in packs):
        return None
    from ruconsist import cache

    digest = hashlib.sha256()
    digest.update(rules.digest.encode())
    for p in packs:
        digest.update(b"\0" + p.path.encode())
    key = cache.key_for("selftest", digest.hexdigest())

    def build() -> SelfTestReport:
        return run_selftest(rules, packs, config=linter.config, codes=linter.codes)

    report = cache.cached("selftest", key, build, SelfTestReport)
    for r in report.failures:
        err.write(f"ruconsist: {r.where}: warning: {r.kind} '{r.rule}': {r.problem}\n")
    for path, line, msg in report.problems:
        where = f"{path}:{line}" if line else path
        err.write(f"ruconsist: {where}: warning: {msg}\n")
    if not report.ok and getattr(linter.config, "strict_rules", False):
        n = len(report.failures) + len(report.problems)
        if report.failures:
            first = report.failures[0]
            raise RuleError(
                f"{n} rule example{'s' if n != 1 else ''} fail{'s' if n == 1 else ''}"
                f" (strict-rules); first: {first.kind} '{first.rule}': {first.problem}",
                first.path,
                first.line,
            )
        path, line, msg = report.problems[0]
        raise RuleError(f"{msg} (strict-rules)", path, line)
    return report


def _has_examples(pack: Pack) -> bool:
    from ruconsist.patterns import PatternRule

    if any(t.examples for t in pack.terms):
        return True
    if any(isinstance(r, PatternRule) and r.examples for r in pack.sections.get("patterns", []) or []):
        return True
    return any(True for node in pack.vocab.values() for _ in _vocab_entries(node, ""))


# Command ----------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``ruconsist rules test``."""
    parser.add_argument("files", nargs="*", metavar="FILE", help="rule packs to test (default: every loaded pack)")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack to load (repeatable)")
    parser.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")
    parser.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every rule tested, not only failures")
    parser.add_argument("--require-examples", action="store_true", help="count rules without examples as failures")
    parser.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")


def cmd_rules_test(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``ruconsist rules test [FILES]``: run the examples of the given
    packs (loaded after the shipped ones and the configured ones), or of
    every loaded pack.  Exit 0 when all pass, 1 when one fails, 2 when a
    pack does not load."""
    from ruconsist.config import discover_config
    from ruconsist.engine import Linter
    from ruconsist.plugins import get_plugin_manager
    from ruconsist.rules import default_pack_paths

    files = [str(f) for f in getattr(args, "files", []) or []]
    for f in files:
        if not Path(f).is_file():
            raise RuleError("rule pack not found", f)
    config = discover_config(getattr(args, "config", None))
    if getattr(args, "no_default_rules", False):
        config = config.with_cli(default_rules=False)
    pm = get_plugin_manager(load_entrypoints=not getattr(args, "no_plugins", False))
    # A file that is already loaded (a shipped pack, a configured one) is
    # tested where it stands rather than loaded twice.
    loaded = {_resolved(p) for p in (default_pack_paths() if config.default_rules else [])}
    loaded |= {_resolved(p) for p in config.rules}
    extra = [f for f in files if _resolved(f) not in loaded]
    base = Linter(config, pm=pm, extra_rules=[*getattr(args, "rules", []), *extra])
    rules = base.rules
    if files:
        wanted = {_resolved(f) for f in files}
        packs = [p for p in rules.packs if _pack_file(p) in wanted]
    else:
        packs = list(rules.packs)
    lint = example_linter(rules, config, pm=pm)
    report = run_selftest(rules, packs, linter=lint, codes=base.codes)
    require = getattr(args, "require_examples", False)
    if getattr(args, "format", "text") == "json":
        data = report.to_dict()
        data["ok"] = report.ok and not (require and report.untested)
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _write_text(report, out, verbose=getattr(args, "verbose", False), require=require)
    if not report.ok or (require and report.untested):
        return EXIT_FAILED
    return EXIT_OK


def _resolved(path: str | Path) -> str:
    return str(Path(path).resolve())


def _pack_file(pack: Pack) -> str:
    """The file a loaded pack came from (shipped packs are shown as
    ``rules/NAME.yaml`` whatever the working directory)."""
    from ruconsist.rules import default_pack_dir

    if _is_shipped(pack):
        return _resolved(default_pack_dir() / Path(pack.path).name)
    return _resolved(pack.path)


def _write_text(report: SelfTestReport, out: IO[str], *, verbose: bool, require: bool) -> None:
    by_rule: dict[tuple[str, str, str], list[ExampleResult]] = {}
    for r in report.results:
        by_rule.setdefault((r.path, r.kind, r.rule), []).append(r)
    for (path, kind, rule), results in by_rule.items():
        bad = [r for r in results if not r.ok]
        if bad:
            for r in bad:
                out.write(f"{r.where}: FAIL {kind} '{rule}': {r.problem}\n")
                out.write(f"    RU {r.ru}\n    ZH {r.zh}\n")
        elif verbose:
            line = results[0].line
            n = len(results)
            out.write(f"{path}:{line}: ok   {kind} '{rule}' ({n} example{'s' if n != 1 else ''})\n")
    for path, line, msg in report.problems:
        out.write(f"{path}:{line}: FAIL {msg}\n" if line else f"{path}: FAIL {msg}\n")
    if report.untested and (verbose or require):
        for u in report.untested:
            label = "FAIL" if require else "note"
            out.write(f"{u.path}:{u.line}: {label} {u.kind} '{u.rule}' has no examples\n")
    n = len(report.results)
    failed = len(report.failures)
    packs = len(report.packs)
    line = (
        f"{n} example{'s' if n != 1 else ''} of {report.rules_tested()} rules in {packs}"
        f" pack{'s' if packs != 1 else ''}: {n - failed} passed, {failed} failed"
    )
    if report.problems:
        line += f", {len(report.problems)} rule problem{'s' if len(report.problems) != 1 else ''}"
    if report.untested:
        line += f"; {len(report.untested)} rule{'s' if len(report.untested) != 1 else ''} without examples"
    out.write(line + "\n")


__all__ = [
    "ExampleResult",
    "SelfTestReport",
    "add_arguments",
    "cmd_rules_test",
    "collect",
    "lint_example",
    "run_selftest",
    "verify_on_load",
]
