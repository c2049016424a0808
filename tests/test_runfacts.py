"""The run-level stream: a check that reports across the whole run says
what each bead tells it (``run_facts``), and the engine hands every
pair's facts, in input order, to its ``finish_run`` in the main process,
whether the pairs (or the chunks of one large pair) were checked here or
in forked workers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from ruconsist import checking
from ruconsist.checks.base import Check, PairContext
from ruconsist.config import Config
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import SegmentPair
from ruconsist.engine import Linter
from ruconsist.hookspecs import hookimpl
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager
from ruconsist.rules import RuleSet

#: The one place the newsroom's style book is strict about: the agency
#: is «ТАСС» in Russian and 塔斯社 in Chinese, and a run that writes it
#: 塔斯社 in most files should not write 塔斯 in one.
AGENCY = re.compile("塔斯社?")


class Rendering(NamedTuple):
    """One bead's rendering of the agency, and where it stands."""

    text: str
    where: Location


class AgencyRendering(Check):
    """ТАСС rendered in Chinese otherwise than in most of the run.

    Examples (articles of one run, joined by ;)
      PASS  RU «ТАСС сообщил.»  ZH «塔斯社报道。» ; RU «По данным ТАСС.»  ZH «据塔斯社报道。»
      FAIL  RU «ТАСС сообщил.»  ZH «塔斯社报道。» ; RU «ТАСС сообщил.»  ZH «塔斯社报道。» ; RU «По данным ТАСС.»  ZH «据塔斯报道。»  -> NWS009
    """

    code = "NWS009"
    slug = "agency-rendering"
    category = "name"
    severity = Severity.WARNING

    def run_facts(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Rendering]:
        if "ТАСС" in bead.ru.text:
            for m in AGENCY.finditer(bead.zh.text):
                yield Rendering(m.group(), bead.zh.location(m.start(), m.end()))

    def finish_run(self, facts: list[Rendering] | None = None) -> Iterator[Diagnostic]:
        facts = facts or []
        counts: dict[str, int] = {}
        for fact in facts:
            counts[fact.text] = counts.get(fact.text, 0) + 1
        if not counts:
            return
        usual = max(counts, key=lambda text: counts[text])
        first = next(f for f in facts if f.text == usual)
        for fact in facts:
            if fact.text != usual:
                yield Diagnostic(
                    code=self.code, slug=self.slug, category=self.category, severity=self.severity,
                    message=f"ТАСС is '{usual}' from {first.where.short()} on, but '{fact.text}' here",
                    location=fact.where, counterpart=None, expected=usual, found=fact.text,
                )


class _Newsroom:
    @hookimpl
    def ruconsist_register_checks(self, register) -> None:  # type: ignore[no-untyped-def]
        register(AgencyRendering)


def _linter(jobs: int) -> Linter:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(_Newsroom())
    return Linter(Config(select=("NWS",), align="lines"), pm=pm, rules=RuleSet([]), jobs=jobs)


def _write(tmp_path: Path, name: str, lines: list[tuple[str, str]]) -> FilePair:
    ru, zh = tmp_path / f"{name}.ru.txt", tmp_path / f"{name}.zh.txt"
    ru.write_text("".join(a + "\n" for a, _ in lines), encoding="utf-8")
    zh.write_text("".join(b + "\n" for _, b in lines), encoding="utf-8")
    return FilePair(ru=ru, zh=zh)


def _run(pairs: list[FilePair], jobs: int) -> list[tuple[str, int, str]]:
    linter = _linter(jobs)
    for result in linter.lint_many(pairs):
        assert result.error is None
        assert result.facts is None  # taken by the run, not kept twice
    folder = f"{pairs[0].paths[0].parent}/"
    return [(Path(d.location.path).name, d.location.line, d.message.replace(folder, "")) for d in linter.finish_run()]


REPORT = ("По данным ТАСС, переговоры продолжатся.", "据塔斯社报道，谈判将继续。")
SHORT = ("Как сообщает ТАСС, встреча состоялась.", "据塔斯报道，会晤已经举行。")
OTHER = ("Переговоры продлились три часа.", "会谈持续了三个小时。")


def test_facts_of_many_pairs_reach_finish_run_in_input_order(tmp_path: Path) -> None:
    pairs = [_write(tmp_path, f"a{i}", [OTHER, REPORT if i != 7 else SHORT, OTHER]) for i in range(12)]
    expected = [("a7.zh.txt", 2, "ТАСС is '塔斯社' from a0.zh.txt:2:2 on, but '塔斯' here")]
    assert _run(pairs, jobs=1) == expected
    assert _run(pairs, jobs=2) == expected


def test_facts_of_a_large_pair_checked_in_chunks_come_back_in_bead_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small chunks so that one short file is checked in chunks by workers.
    monkeypatch.setattr(checking, "CHUNK", 5)
    lines = [REPORT if i % 3 else OTHER for i in range(40)]
    lines[31] = SHORT
    pair = _write(tmp_path, "corpus", lines)
    expected = [("corpus.zh.txt", 32, "ТАСС is '塔斯社' from corpus.zh.txt:2:2 on, but '塔斯' here")]
    assert _run([pair], jobs=1) == expected
    assert _run([pair], jobs=2) == expected


def test_a_fresh_run_forgets_the_facts_of_the_last(tmp_path: Path) -> None:
    # The language server lints a pair again after each edit, each a run.
    linter = _linter(1)
    for i in range(3):
        linter.lint_pair(_write(tmp_path, f"a{i}", [REPORT]))
    linter.lint_pair(_write(tmp_path, "b", [SHORT]))
    assert [d.found for d in linter.finish_run()] == ["塔斯"]
    linter.reset_run()
    linter.lint_pair(_write(tmp_path, "b", [SHORT]))
    assert linter.finish_run() == []


class _OldStyle(Check):
    """A plugin written before run-level facts: it counts in ``check``
    and reports in ``finish_run()`` without arguments (in one process)."""

    code = "OLD001"
    slug = "old-style"
    category = "style"
    context_beads = 2

    def __init__(self, rules: RuleSet, config: Config) -> None:
        super().__init__(rules, config)
        self.beads = 0

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        self.beads += 1
        return iter(())

    def finish_run(self) -> Iterator[Diagnostic]:  # type: ignore[override]
        yield Diagnostic(
            code=self.code, slug=self.slug, category=self.category, severity=self.severity,
            message=f"{self.beads} beads", location=Location("ru", "run", 1, 1, 1, 1), counterpart=None,
        )


def test_a_plugin_of_the_earlier_hooks_still_runs(tmp_path: Path) -> None:
    class Register:
        @hookimpl
        def ruconsist_register_checks(self, register) -> None:  # type: ignore[no-untyped-def]
            register(_OldStyle)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Register())
    linter = Linter(Config(select=("OLD",), align="lines"), pm=pm, rules=RuleSet([]), jobs=1)
    list(linter.lint_many([_write(tmp_path, "a", [REPORT, OTHER, SHORT])]))
    assert [d.message for d in linter.finish_run()] == ["3 beads"]
    # ``context_beads`` is the earlier name of ``neighbour_beads``.
    assert _OldStyle.neighbour_beads == 2
