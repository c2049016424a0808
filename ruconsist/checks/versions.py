"""Two Chinese versions of one Russian text, checked against each other."""

from __future__ import annotations

import pickle
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ruconsist.checks.base import Check, PairContext
from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.document import SegmentPair

#: Term categories whose members stand for one another in a sentence (a
#: person for a person, a country for a country).
_ENTITY_CATEGORIES = frozenset({"name", "place", "organization", "title"})


#: How a message calls a kind of term (see ``checks.term_mentions.term_kind``).
_KIND_NAME = {"name": "person"}


@dataclass(frozen=True)
class _Said:
    """What one Chinese version says for a stretch of the Russian text."""

    ru_path: str
    zh_path: str
    #: The Russian segments of the stretch, by their start in the file.
    ru_keys: tuple[int, ...]
    #: Every amount and term the Russian states there.
    ru_amounts: frozenset[tuple[bool, Fraction]]
    ru_terms: frozenset[str]
    #: (amount, as written, where) of each figure of the Chinese.
    amounts: tuple[tuple[tuple[bool, Fraction], str, Location], ...]
    #: (term id, category, as written, where) of each term it names.
    terms: tuple[tuple[str, str, str, Location], ...]


def _amount(m: object) -> tuple[bool, Fraction]:
    """A figure as a comparable amount: in base units when it has a unit
    (5 公尺 and 5 米 are one amount; the Russian's figures are read with
    their units), with whether it is a percentage."""
    value: Fraction = m.value  # type: ignore[attr-defined]
    measure = m.measure  # type: ignore[attr-defined]
    if measure is not None:
        _, factor, offset = measure
        value = (value + offset) * factor
    return m.kind == "percent", value  # type: ignore[attr-defined]


class ChineseVersions(Check):
    """A repository may hold two Chinese versions of one Russian text (a
    mainland ``X.zh-CN.md`` and a Taiwan ``X.zh-TW.md``): each is checked
    against the Russian, and, in the same run, the two against each other,
    through the Russian they translate.  Where the two give different
    figures in the same place and the Russian states neither (it rounds,
    or leaves the figure out), one of them is wrong: ZHV001, reported in
    the later file (by path) with the other's figure.  Figures are
    compared by value, whatever the script (15萬 is 150000); measures
    are left out, since the versions convert units each their own way
    (6 英尺 6 英寸 against 6.6英尺).  Where the Russian states a figure, the
    checks of each pair against the Russian report it.

    A figure in one version only is not reported: a translation may add
    what the other leaves implicit.

    Examples
      PASS  RU «Ущерб оценили в несколько миллионов долларов.»  ZH «损失估计达300万美元。»  ZH-TW «損失估計達300萬美元。»
      FAIL  RU «Ущерб оценили в несколько миллионов долларов.»  ZH «损失估计达300万美元。»  ZH-TW «損失估計達30萬美元。»  -> ZHV001
    """

    code = "ZHV001"
    slug = "versions-figures-differ"
    category = "number"
    severity = Severity.ERROR
    extra_codes = {
        "ZHV002": ("versions-names-differ", "name", Severity.ERROR),
    }
    code_docs = {
        "ZHV002": """
        Two Chinese versions of one Russian text (``X.zh-CN.md`` and
        ``X.zh-TW.md``, checked in one run) naming different people,
        places or organizations of the rule packs in the same place,
        where the Russian names neither (it says "the president", "the
        capital"): one of them is a substitution.  Each region's own form
        of a name is the same name (普京 and 普丁 are both Путин).  A name
        in one version only is not reported.

        Examples
          PASS  RU «Президент прибыл в столицу.»  ZH «普京抵达北京。»  ZH-TW «普丁抵達北京。»
          FAIL  RU «Президент прибыл в столицу.»  ZH «普京抵达北京。»  ZH-TW «川普抵達北京。»  -> ZHV002
        """,
    }

    def run_facts(self, bead: SegmentPair, ctx: PairContext) -> Iterator[_Said]:
        if ctx.ru_doc.path != ctx.zh_doc.path and bead.ru and bead.zh:
            yield _record(bead, ctx)

    def fact_stream(self) -> _Versions:
        return _Versions()

    def finish_run(self, facts: Sequence[_Said] | _Versions | None = None) -> Iterator[Diagnostic]:
        by_ru: dict[str, dict[str, list[_Said]]] = {}
        for s in facts or ():
            by_ru.setdefault(s.ru_path, {}).setdefault(s.zh_path, []).append(s)
        for versions in by_ru.values():
            paths = sorted(versions)
            for i, a in enumerate(paths):
                for b in paths[i + 1 :]:
                    for first, second in _stretches(versions[a], versions[b]):
                        yield from self._figures(first, second)
                        yield from self._names(first, second)

    def _figures(self, a: Sequence[_Said], b: Sequence[_Said]) -> Iterator[Diagnostic]:
        ru = frozenset().union(*(s.ru_amounts for s in (*a, *b)))
        mine = {k: (raw, loc) for s in a for k, raw, loc in s.amounts}
        theirs = {k: (raw, loc) for s in b for k, raw, loc in s.amounts}
        only_a = [k for k in mine if k not in theirs and k not in ru]
        only_b = [k for k in theirs if k not in mine and k not in ru]
        if not only_a or not only_b:
            return
        other_raw, other_loc = mine[only_a[0]]
        for k in only_b:
            raw, loc = theirs[k]
            yield self._diag(
                "ZHV001", loc, other_loc,
                f"ZH '{raw}' differs from '{other_raw}' in {other_loc.path} in the same place,"
                f" and the RU states neither",
                expected=other_raw, found=raw,
            )

    def _names(self, a: Sequence[_Said], b: Sequence[_Said]) -> Iterator[Diagnostic]:
        ru = frozenset().union(*(s.ru_terms for s in (*a, *b)))
        mine = {t: (cat, text, loc) for s in a for t, cat, text, loc in s.terms}
        theirs = {t: (cat, text, loc) for s in b for t, cat, text, loc in s.terms}
        only_a = {t: v for t, v in mine.items() if t not in theirs and t not in ru}
        for t, (cat, text, loc) in theirs.items():
            if t in mine or t in ru:
                continue
            other = next((v for v in only_a.values() if v[0] == cat), None)
            if other is None:
                continue
            yield self._diag(
                "ZHV002", loc, other[2],
                f"ZH '{text}' names another {_KIND_NAME.get(cat, cat)} than '{other[1]}' in {other[2].path}"
                f" in the same place,"
                f" and the RU names neither",
                expected=other[1], found=text,
            )

    def _diag(self, code: str, loc: Location, other: Location, message: str, *, expected: str, found: str) -> Diagnostic:
        slug, category, severity = self.codes()[code]
        return Diagnostic(
            code=code, slug=slug, category=category, severity=severity, message=message,
            location=loc, counterpart=other, expected=expected, found=found,
        )


class _Versions:
    """The records of a run, packed a batch at a time per pair of files.

    A record is read only when its Russian file was checked against two
    Chinese versions or more, which the run knows only at its end; kept
    as objects, the records of a run of one version (nearly every run)
    were its largest holding (about 1.6 KB a bead of 20,000 short line
    pairs).  Iterating gives the records of the Russian files with two
    versions or more, in the order they came for each pair of files."""

    BATCH = 512

    def __init__(self) -> None:
        self.packed: dict[tuple[str, str], list[bytes]] = {}
        self.pending: dict[tuple[str, str], list[_Said]] = {}

    def append(self, said: _Said) -> None:
        key = (said.ru_path, said.zh_path)
        pending = self.pending.setdefault(key, [])
        self.packed.setdefault(key, [])
        pending.append(said)
        if len(pending) >= self.BATCH:
            self.packed[key].append(zlib.compress(pickle.dumps(pending, pickle.HIGHEST_PROTOCOL), 1))
            pending.clear()

    def __iter__(self) -> Iterator[_Said]:
        versions = Counter(ru for ru, _ in self.packed)
        for key, batches in self.packed.items():
            if versions[key[0]] < 2:
                continue
            for batch in batches:
                # (Our own bytes, packed above in this process.)
                yield from pickle.loads(zlib.decompress(batch))  # noqa: S301
            yield from self.pending[key]


def _record(bead: SegmentPair, ctx: PairContext) -> _Said:
    from ruconsist.checks.numbers import bead_numbers
    from ruconsist.checks.terms.mentions import bead_stand_ins, bead_terms, term_kind

    ru_terms = {t for m in (*bead_terms(bead, "ru", ctx), *bead_stand_ins(bead, "ru", ctx)) for t in m.terms}
    terms = []
    for m in bead_terms(bead, "zh", ctx):
        for t in m.terms:
            term = ctx.rules.term(t)
            if term.category in _ENTITY_CATEGORIES:
                # A country stands for a country, a city for a city.
                terms.append((t, term_kind(term), _written(bead, m.start, m.end), bead.zh.location(m.start, m.end)))
    return _Said(
        ru_path=ctx.ru_doc.path,
        zh_path=ctx.zh_doc.path,
        ru_keys=tuple(s.start for s in bead.ru.segments),
        ru_amounts=frozenset(_amount(m) for m in bead_numbers(bead, "ru", ctx)),
        ru_terms=frozenset(ru_terms),
        amounts=tuple(
            (_amount(m), _written(bead, m.start, m.start + len(m.raw)), bead.zh.location(m.start, m.end))
            for m in bead_numbers(bead, "zh", ctx)
            # Measures are left out: the versions convert units each their
            # own way (6 英尺 6 英寸 against 6.6英尺).
            if not m.quiet and m.measure is None
        ),
        terms=tuple(terms),
    )


def _written(bead: SegmentPair, start: int, end: int) -> str:
    """``bead.zh.text[start:end]`` as the file writes it: a Traditional
    file's characters, not the Simplified ones it is checked in."""
    seg, local = bead.zh._resolve(start)
    a = seg.file_offset(local)
    b = seg.file_offset(local + max(1, end - start) - 1) + 1
    return seg.doc.text[a:b]


def _stretches(a: Sequence[_Said], b: Sequence[_Said]) -> Iterator[tuple[list[_Said], list[_Said]]]:
    """The records of two versions grouped by the Russian they translate:
    where the versions' alignments group the Russian segments otherwise
    (one merges two paragraphs the other keeps apart), the stretch is
    the union of the overlapping groups."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in (*a, *b):
        for key in s.ru_keys[1:]:
            parent[find(key)] = find(s.ru_keys[0])
    groups: dict[int, tuple[list[_Said], list[_Said]]] = {}
    for side, records in ((0, a), (1, b)):
        for s in records:
            groups.setdefault(find(s.ru_keys[0]), ([], []))[side].append(s)
    for first, second in groups.values():
        if first and second:
            yield first, second


CHECKS = [ChineseVersions]
